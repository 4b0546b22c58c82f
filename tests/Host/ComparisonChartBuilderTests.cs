using HybridSgd.Host.Compare;
using HybridSgd.Host.Reports;
using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Policies;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Tests.Host;

/// <summary>What the chart is drawn from: a comparison's runs turned into curves, baseline points and k(t).</summary>
public sealed class ComparisonChartBuilderTests
{
    [Fact]
    public void Build_TwoRunsOfAMethod_AreAveragedOnTheTimeGrid()
    {
        var report = Report("multiclass", ("sync", [
            Run(1.0, Curve((0, 0.5, 1.0), (0.5, 0.7, 0.8), (1.0, 0.8, 0.6))),
            Run(1.0, Curve((0, 0.6, 1.2), (0.5, 0.8, 0.6), (1.0, 0.9, 0.4))),
        ]));

        var chart = ComparisonChartBuilder.Build(report, step: 0.5);

        var accuracy = Assert.Single(chart.Accuracy);
        Assert.Equal("sync", accuracy.Label);
        Assert.Equal([0, 0.5, 1.0], accuracy.Seconds);
        Assert.Equal([0.55, 0.75, 0.85], accuracy.Mean.Select(m => Math.Round(m, 12)));
        Assert.All(accuracy.StandardDeviation, sd => Assert.Equal(Math.Sqrt(0.005), sd, 12));
        Assert.Equal([1.1, 0.7, 0.5], Assert.Single(chart.LogLoss).Mean.Select(m => Math.Round(m, 12)));
    }

    [Fact]
    public void Build_Sdca_IsAPointAtItsMeanTrainingTime()
    {
        var report = Report("multiclass",
            ("sync", [Run(1.0, Curve((0, 0.5, 1.0), (1.0, 0.8, 0.5)))]),
            ("sdca", [Run(2.0, Curve((2.0, 0.82, 0.5)), accuracy: 0.82, logLoss: 0.5), Run(4.0, Curve((4.0, 0.84, 0.4)), accuracy: 0.84, logLoss: 0.4)]));

        var chart = ComparisonChartBuilder.Build(report, step: 0.5);

        Assert.Equal(["sync"], chart.Accuracy.Select(s => s.Label));
        var accuracy = Assert.Single(chart.AccuracyMarkers);
        Assert.Equal(("ML.NET SDCA", 3.0), (accuracy.Label, accuracy.Seconds));
        Assert.Equal(0.83, accuracy.Value, 12);
        Assert.Equal(0.45, Assert.Single(chart.LogLossMarkers).Value, 12);
    }

    [Fact]
    public void Build_HybridRun_TraceFollowsThePolicyAndLeavesOutRetirementCaps()
    {
        ThresholdChange[] changes =
        [
            new(1.0, 1, 2, ThresholdReason.Progress),
            new(2.0, 2, 4, ThresholdReason.Progress),
            new(2.9, 4, 3, ThresholdReason.WorkersRetired),
        ];
        var report = Report("multiclass",
            ("sync", [Run(3.0, Curve((0, 0.5, 1.0), (3.0, 0.8, 0.5)))]),
            ("hybrid", [Run(3.0, Curve((0, 0.5, 1.0), (3.0, 0.8, 0.5)), changes: changes), Run(3.0, Curve((0, 0.5, 1.0)))]));

        var chart = ComparisonChartBuilder.Build(report, step: 1);

        var trace = Assert.Single(chart.Thresholds);
        Assert.Equal("hybrid", trace.Method);
        Assert.Equal([0, 1.0, 2.0, 3.0], trace.Seconds);
        Assert.Equal([1, 2, 4, 4], trace.Threshold);
    }

    [Fact]
    public void Build_Regression_NamesItsMetricsAndDescribesTheRunInTheTitle()
    {
        var report = Report("regression", ("adaptive", [Run(1.0, Curve((0, 0.1, 2.0), (1.0, 0.6, 1.0)))]));

        var chart = ComparisonChartBuilder.Build(report, step: 0.5);

        Assert.Equal(("R²", "RMSE"), (chart.ScoreName, chart.LossName));
        Assert.Equal("softmax on fashion-mnist — stragglers, 4 workers, mean ± sd over 2 seeds", chart.Title);
        Assert.Equal(4, chart.Workers);
        Assert.Equal("adaptive", Assert.Single(chart.Thresholds).Method);
    }

    private static CompareReport Report(string task, params (string Method, RunReport[] Runs)[] methods) => new(
        new CompareReport.RunSettings(
            "fashion-mnist", "softmax", "stragglers", 4, 64, 0.05f, "linear", 20, null, [1, 2], [.. methods.Select(m => m.Method)], "compare", task),
        null,
        [.. methods.Select(m => new CompareReport.MethodRuns(MethodSummary.Of(m.Method, m.Runs, null, []), m.Runs))]);

    /// <summary>Curve samples (seconds, score, loss) with k = 1, stored as accuracy and log-loss (what Score and Loss read first).</summary>
    private static CurvePoint[] Curve(params (double Seconds, double Score, double Loss)[] points) =>
        [.. points.Select(p => new CurvePoint(p.Seconds, 0, 0, 1, p.Score, p.Loss))];

    private static RunReport Run(
        double trainSeconds, CurvePoint[] curve, ThresholdChange[]? changes = null, double accuracy = 0.8, double logLoss = 0.5) => new(
        "fashion-mnist", "multiclass", "softmax", "sync", 4, "", "stragglers", 1, 64, 0.05f, 0, 20, null, trainSeconds, RunEnd.Budget,
        0, 0, 0, 0, 0, new TaskMetrics(100, Accuracy: accuracy, LogLoss: logLoss), new RunReport.StalenessSummary(0, 0, []),
        changes ?? [], curve, "", DateTimeOffset.UnixEpoch);
}
