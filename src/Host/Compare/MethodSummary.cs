using HybridSgd.Host.Reports;

namespace HybridSgd.Host.Compare;

/// <summary>
/// One method's result over all seeds. <see cref="Accuracy"/> and <see cref="LogLoss"/> hold the task's score and
/// loss: accuracy and log-loss for classifiers, R² and RMSE for regression (the JSON names stay, for scripts).
/// </summary>
public sealed record MethodSummary(
    string Method,
    int Runs,
    Statistic Accuracy,
    Statistic LogLoss,
    TimeToTarget? TimeToSdca,
    IReadOnlyList<TimeToTarget> TimeToTargets,
    double UpdatesPerSecond,
    double MeanStaleness,
    double TrainSeconds)
{
    public static MethodSummary Of(string method, IReadOnlyList<RunReport> runs, double? sdcaScore, IReadOnlyList<double> targets) => new(
        method,
        runs.Count,
        Statistic.Of(runs.Select(r => r.Score()).ToArray()),
        Statistic.Of(runs.Select(r => r.Loss()).ToArray()),
        sdcaScore is { } sdca ? Reach(runs, sdca) : null,
        targets.Select(t => Reach(runs, t)).ToArray(),
        runs.Average(r => r.TrainSeconds > 0 ? r.Updates / r.TrainSeconds : 0),
        runs.Average(r => r.Staleness.Mean),
        runs.Average(r => r.TrainSeconds));

    /// <summary>When each run's curve crossed <paramref name="target"/> (interpolated between samples), averaged.</summary>
    private static TimeToTarget Reach(IReadOnlyList<RunReport> runs, double target)
    {
        var times = runs
            .Select(r => CurveCrossing.Seconds(r.Curve, target))
            .OfType<double>()
            .ToArray();
        return new TimeToTarget(target, times.Length > 0 ? times.Average() : null, times.Length);
    }
}
