using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Observability;
using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Pipeline.Evaluation;

/// <summary>
/// The learning curve: scores the weights on a test set every interval, keeps the points and logs a progress line
/// (elapsed, examples/s, updates, k, test accuracy and log-loss, or RMSE and R²).
/// </summary>
public sealed partial class TestSetObserver(IModel model, DenseDataset test, TimeSpan interval, ILogger logger, TrainingMetrics? metrics = null)
    : ITrainingObserver
{
    private readonly Evaluator _evaluator = new(model, test);
    private readonly List<CurvePoint> _curve = [];
    private readonly object _gate = new();

    public TimeSpan Interval => interval;

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

    /// <summary>The last scoring (after the run: of the final weights).</summary>
    public EvaluationResult? Last { get; private set; }

    public void Observe(in TrainingProgress progress, ReadOnlySpan<float> weights, bool final)
    {
        var evaluation = _evaluator.Evaluate(weights);
        var point = new CurvePoint(
            progress.Seconds, progress.Examples, progress.Updates, progress.Threshold, evaluation.Accuracy, evaluation.LogLoss, evaluation.Rmse, evaluation.RSquared);
        lock (_gate)
        {
            _curve.Add(point);
            Last = evaluation;
        }

        metrics?.RecordTest(point.Score, point.Loss);
        double rate = progress.Seconds > 0 ? progress.Examples / progress.Seconds : 0;
        if (evaluation.Rmse is { } rmse)
        {
            LogRegressionProgress(logger, progress.Seconds, progress.Examples, rate, progress.Updates, progress.Threshold, rmse, evaluation.RSquared);
        }
        else
        {
            LogProgress(logger, progress.Seconds, progress.Examples, rate, progress.Updates, progress.Threshold, evaluation.Accuracy, evaluation.LogLoss);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Seconds,6:F1}s  examples {Examples} ({Rate:F0}/s)  updates {Updates}  k={Threshold}  test accuracy {Accuracy:F4}  log-loss {LogLoss:F4}")]
    private static partial void LogProgress(ILogger logger, double seconds, long examples, double rate, long updates, int threshold, double? accuracy, double? logLoss);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Seconds,6:F1}s  examples {Examples} ({Rate:F0}/s)  updates {Updates}  k={Threshold}  test RMSE {Rmse:G5}  R² {RSquared:F4}")]
    private static partial void LogRegressionProgress(ILogger logger, double seconds, long examples, double rate, long updates, int threshold, double rmse, double? rSquared);
}
