using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Bench.Runs;

/// <summary>Scores the test set on the run's interval, keeps the curve, and stops the run once it reaches a target accuracy.</summary>
internal sealed class TargetObserver(IModel model, DenseDataset test, TimeSpan interval, double? target, CancellationTokenSource stop) : ITrainingObserver
{
    private readonly Evaluator _evaluator = new(model, test);
    private readonly List<CurvePoint> _curve = [];

    public TimeSpan Interval => interval;

    public IReadOnlyList<CurvePoint> Curve => _curve;

    public void Observe(in TrainingProgress progress, ReadOnlySpan<float> weights, bool final)
    {
        var score = _evaluator.Evaluate(weights);
        _curve.Add(new CurvePoint(progress.Seconds, progress.Examples, progress.Updates, progress.Threshold, score.Accuracy, score.LogLoss));
        if (target is { } goal && score.Accuracy >= goal)
        {
            stop.Cancel();
        }
    }
}
