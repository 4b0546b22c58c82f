using HybridSgd.Host.Baselines;
using HybridSgd.Host.Reports;

namespace HybridSgd.Host.Compare;

/// <summary>Turns a comparison's runs into the chart: mean ± sd curves, SDCA as points, the hybrid k(t).</summary>
internal static class ComparisonChartBuilder
{
    public static ComparisonChart Build(CompareReport report, double step)
    {
        var accuracy = new List<ChartSeries>();
        var logLoss = new List<ChartSeries>();
        var accuracyMarkers = new List<ChartMarker>();
        var logLossMarkers = new List<ChartMarker>();
        foreach (var method in report.Methods)
        {
            string label = method.Summary.Method;
            if (label == SdcaBaseline.Method)
            {
                double seconds = method.Runs.Average(r => r.TrainSeconds);
                accuracyMarkers.Add(new ChartMarker("ML.NET SDCA", seconds, method.Summary.Accuracy.Mean));
                logLossMarkers.Add(new ChartMarker("ML.NET SDCA", seconds, method.Summary.LogLoss.Mean));
                continue;
            }

            var (acc, loss) = CurveAverager.Average(label, method.Runs, step);
            accuracy.Add(acc);
            logLoss.Add(loss);
        }

        var s = report.Settings;
        string title = $"{s.Model} on {s.Dataset} — {s.Scenario}, {s.Workers} workers, mean ± sd over {s.Seeds.Count} seeds";
        return new ComparisonChart(title, accuracy, accuracyMarkers, logLoss, logLossMarkers, Thresholds(report), s.Workers, s.ScoreName, s.LossName);
    }

    /// <summary>
    /// k(t) of the first run of each hybrid method (the fixed ramp and the adaptive policy), rebuilt exactly from its
    /// logged policy changes (the caps applied while workers retire at the very end are left out: they describe
    /// draining, not the schedule).
    /// </summary>
    private static ThresholdTrace[] Thresholds(CompareReport report) =>
        report.Methods
            .Where(m => m.Summary.Method is "hybrid" or "adaptive")
            .Select(m => (Method: m.Summary.Method, Run: m.Runs.FirstOrDefault()))
            .Where(m => m.Run is { Curve.Count: > 0 })
            .Select(m => Trace(m.Method, m.Run!))
            .ToArray();

    private static ThresholdTrace Trace(string method, RunReport run)
    {
        var changes = run.ThresholdChanges.Where(c => c.ByPolicy).ToArray();
        var seconds = new List<double> { 0 };
        var threshold = new List<int> { changes.Length > 0 ? changes[0].OldThreshold : run.Curve[0].Threshold };
        foreach (var change in changes)
        {
            seconds.Add(change.Seconds);
            threshold.Add(change.NewThreshold);
        }

        seconds.Add(run.TrainSeconds);
        threshold.Add(threshold[^1]);
        return new ThresholdTrace(seconds, threshold, method);
    }
}
