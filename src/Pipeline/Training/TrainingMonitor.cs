using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Observability;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Pipeline.Training;

/// <summary>
/// Samples the learning curve: every interval it scores the latest published weights on the test set and logs
/// a progress line. It reads snapshots only, so it never blocks the aggregator for longer than a copy.
/// </summary>
internal sealed partial class TrainingMonitor(
    Evaluator evaluator,
    WeightsBoard board,
    GradientAggregator aggregator,
    ProgressMeter progress,
    ILogger logger,
    TrainingMetrics? metrics = null)
{
    private readonly List<CurvePoint> _curve = [];
    private readonly object _gate = new();

    public IReadOnlyList<CurvePoint> Curve
    {
        get
        {
            lock (_gate)
            {
                return _curve.ToArray();
            }
        }
    }

    public EvaluationResult? LastEvaluation { get; private set; }

    public async Task RunAsync(TimeSpan interval, TimeProvider time, CancellationToken stop)
    {
        SampleLatest();
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                SampleLatest();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Training is over; the final point is taken by the trainer from the final weights.
        }
    }

    /// <summary>Scores <paramref name="weights"/> and appends a curve point.</summary>
    public CurvePoint Sample(ReadOnlySpan<float> weights)
    {
        var statistics = aggregator.Statistics();
        var evaluation = evaluator.Evaluate(weights);
        double seconds = progress.Elapsed.TotalSeconds;
        var point = new CurvePoint(
            seconds, statistics.Examples, statistics.Updates, statistics.Threshold, evaluation.Accuracy, evaluation.LogLoss, evaluation.Rmse, evaluation.RSquared);
        lock (_gate)
        {
            _curve.Add(point);
            LastEvaluation = evaluation;
        }

        metrics?.RecordTest(point.Score, point.Loss);

        double rate = seconds > 0 ? statistics.Examples / seconds : 0;
        if (evaluation.Rmse is { } rmse)
        {
            LogRegressionProgress(logger, seconds, statistics.Examples, rate, statistics.Updates, statistics.Threshold, rmse, evaluation.RSquared);
        }
        else
        {
            LogProgress(logger, seconds, statistics.Examples, rate, statistics.Updates, statistics.Threshold, evaluation.Accuracy, evaluation.LogLoss);
        }

        return point;
    }

    private void SampleLatest()
    {
        var snapshot = board.Acquire();
        try
        {
            Sample(snapshot.Values);
        }
        finally
        {
            board.Release(snapshot);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Seconds,6:F1}s  examples {Examples} ({Rate:F0}/s)  updates {Updates}  k={Threshold}  test accuracy {Accuracy:F4}  log-loss {LogLoss:F4}")]
    private static partial void LogProgress(ILogger logger, double seconds, long examples, double rate, long updates, int threshold, double? accuracy, double? logLoss);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Seconds,6:F1}s  examples {Examples} ({Rate:F0}/s)  updates {Updates}  k={Threshold}  test RMSE {Rmse:G5}  R² {RSquared:F4}")]
    private static partial void LogRegressionProgress(ILogger logger, double seconds, long examples, double rate, long updates, int threshold, double rmse, double? rSquared);
}
