using HybridSgd.Host.Baselines;
using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Host.Reports;

/// <summary>The shape of report.json (camelCase on disk). Scripts read it: add fields, never rename them.</summary>
public sealed record RunReport(
    string Dataset,
    string Task,
    string Model,
    string Mode,
    int Workers,
    string Policy,
    string Scenario,
    int Seed,
    int BatchSize,
    float LearningRate,
    float L2,
    double? BudgetSeconds,
    int? Epochs,
    double TrainSeconds,
    RunEnd EndedBy,
    long Examples,
    long Updates,
    long Gradients,
    long SkippedUpdates,
    long SkippedRows,
    TaskMetrics Test,
    RunReport.StalenessSummary Staleness,
    IReadOnlyList<ThresholdChange> ThresholdChanges,
    IReadOnlyList<CurvePoint> Curve,
    string ModelFile,
    DateTimeOffset FinishedUtc,
    StopRule? Stop = null,
    double? ValidationLoss = null)
{
    public static RunReport From(
        TrainingResult result, LearningTask task, TaskMetrics test, IReadOnlyList<CurvePoint> curve, TrainingOptions options, string scenario, string modelFile,
        DateTimeOffset finished) => new(
        result.Dataset,
        TaskName(task),
        result.Model,
        result.Mode.ToString().ToLowerInvariant(),
        result.Workers,
        result.Policy,
        scenario,
        result.Seed,
        result.BatchSize,
        result.LearningRate,
        result.L2,
        options.Budget?.Value.TotalSeconds,
        options.Epochs,
        result.TrainSeconds,
        result.EndedBy,
        result.Statistics.Examples,
        result.Statistics.Updates,
        result.Statistics.Gradients,
        result.Statistics.SkippedUpdates,
        result.SkippedRows,
        test,
        new StalenessSummary(result.Statistics.MeanStaleness, result.Statistics.MaxStaleness, TrimTrailingZeros(result.Statistics.StalenessHistogram)),
        result.ThresholdChanges,
        curve,
        modelFile,
        finished,
        options.Stop,
        result.ValidationLoss);

    /// <summary>A report for an ML.NET baseline: one curve point at the end of its training.</summary>
    public static RunReport FromBaseline(string dataset, LearningTask task, string method, BaselineResult result, int seed, DateTimeOffset finished) => new(
        dataset,
        TaskName(task),
        result.Trainer,
        method,
        Environment.ProcessorCount,
        "",
        "",
        seed,
        0,
        0,
        0,
        null,
        null,
        result.TrainSeconds,
        RunEnd.Converged,
        0,
        0,
        0,
        0,
        0,
        result.Metrics,
        new StalenessSummary(0, 0, []),
        [],
        [new CurvePoint(result.TrainSeconds, 0, 0, 0, result.Metrics.Accuracy, result.Metrics.LogLoss, result.Metrics.Rmse, result.Metrics.RSquared)],
        "",
        finished);

    /// <param name="Histogram">Gradients per staleness 0, 1, 2, …; the last possible bucket (64) means "64 or more".</param>
    public sealed record StalenessSummary(double Mean, long Max, IReadOnlyList<long> Histogram);

    /// <summary>The higher-is-better test figure runs are compared by: accuracy, or R² for regression.</summary>
    public double Score() => Test.Accuracy ?? Test.RSquared ?? double.NaN;

    /// <summary>The lower-is-better test figure: log-loss, or RMSE for regression.</summary>
    public double Loss() => Test.LogLoss ?? Test.Rmse ?? double.NaN;

    public static string TaskName(LearningTask task) => task.ToString().ToLowerInvariant();

    private static long[] TrimTrailingZeros(IReadOnlyList<long> counts)
    {
        int length = counts.Count;
        while (length > 0 && counts[length - 1] == 0)
        {
            length--;
        }

        return counts.Take(length).ToArray();
    }
}
