using HybridSgd.Pipeline.Aggregation;

namespace HybridSgd.Pipeline.Training;

/// <summary>Calls the run's observer on its interval with the latest snapshot: a read of the board, never a lock the aggregator waits on.</summary>
internal sealed class ObservationLoop(ITrainingObserver observer, WeightsBoard board, GradientAggregator aggregator, ProgressMeter progress)
{
    public async Task RunAsync(TimeProvider time, CancellationToken stop)
    {
        // The untrained weights are taken now but scored off the caller's thread: the first scoring (mostly JIT,
        // 60–130 ms with the monitor's, measured) would otherwise hold back the start of the graph, and so every run's training time.
        var (start, snapshot) = TakeLatest();
        await Task.Yield();
        Observe(start, snapshot);
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

    /// <summary>Once the graph is done: nothing changes the weights any more, so the counters read now are theirs.</summary>
    public void ObserveFinal(ReadOnlySpan<float> weights) => observer.Observe(Progress(aggregator.Statistics(), aggregator.LearningRate), weights, final: true);

    private void ObserveLatest()
    {
        var (at, snapshot) = TakeLatest();
        Observe(at, snapshot);
    }

    /// <summary>The latest snapshot, which the caller must release, and its counters.</summary>
    private (TrainingProgress At, WeightsSnapshot Snapshot) TakeLatest()
    {
        // The snapshot and its counters are read together: an observer that checkpoints stores what the weights learned.
        var snapshot = aggregator.AcquireLatest(board, out var statistics, out float learningRate);
        return (Progress(statistics, learningRate), snapshot);
    }

    private void Observe(in TrainingProgress at, WeightsSnapshot snapshot)
    {
        try
        {
            observer.Observe(at, snapshot.Values, final: false);
        }
        finally
        {
            board.Release(snapshot);
        }
    }

    private TrainingProgress Progress(AggregationStatistics statistics, float learningRate) =>
        new(progress.Elapsed.TotalSeconds, statistics.Examples, statistics.Updates, statistics.Threshold) { LearningRate = learningRate };
}
