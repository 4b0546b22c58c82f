using HybridSgd.Pipeline.Aggregation;

namespace HybridSgd.Pipeline.Training;

/// <summary>Calls the run's observer on its interval with the latest snapshot: a read of the board, never a lock the aggregator waits on.</summary>
internal sealed class ObservationLoop(ITrainingObserver observer, WeightsBoard board, GradientAggregator aggregator, ProgressMeter progress)
{
    public async Task RunAsync(TimeProvider time, CancellationToken stop)
    {
        ObserveLatest();
        using var timer = new PeriodicTimer(observer.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                ObserveLatest();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Training is over; the final call is made with the final weights.
        }
    }

    public void ObserveFinal(ReadOnlySpan<float> weights) => observer.Observe(Progress(), weights, final: true);

    private void ObserveLatest()
    {
        var snapshot = board.Acquire();
        try
        {
            observer.Observe(Progress(), snapshot.Values, final: false);
        }
        finally
        {
            board.Release(snapshot);
        }
    }

    private TrainingProgress Progress()
    {
        var statistics = aggregator.Statistics();
        return new TrainingProgress(progress.Elapsed.TotalSeconds, statistics.Examples, statistics.Updates, statistics.Threshold);
    }
}
