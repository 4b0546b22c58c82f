using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Host.Reports;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Host.Compare;

/// <summary>
/// Averages learning curves of repeated runs on a common time grid. Each run's value at time t is its latest
/// sample at or before t (what a person watching that run would have seen), so runs sampled at slightly
/// different moments still line up.
/// </summary>
internal static class CurveAverager
{
    public static (ChartSeries Accuracy, ChartSeries LogLoss) Average(string label, IReadOnlyList<RunReport> runs, double step)
    {
        double end = runs.Max(r => r.Curve.Count > 0 ? r.Curve[^1].Seconds : 0);
        var grid = new List<double>();
        for (double t = 0; t <= end + (step / 2); t += step)
        {
            grid.Add(Math.Min(t, end));
        }

        var accuracy = new (double Mean, double Sd)[grid.Count];
        var logLoss = new (double Mean, double Sd)[grid.Count];
        for (int i = 0; i < grid.Count; i++)
        {
            var points = runs.Select(r => LatestAt(r.Curve, grid[i])).OfType<CurvePoint>().ToArray();
            var a = Statistic.Of(points.Select(p => p.Score ?? double.NaN).ToArray());
            var l = Statistic.Of(points.Select(p => p.Loss ?? double.NaN).ToArray());
            accuracy[i] = (a.Mean, a.StandardDeviation);
            logLoss[i] = (l.Mean, l.StandardDeviation);
        }

        return (
            new ChartSeries(label, grid, accuracy.Select(p => p.Mean).ToArray(), accuracy.Select(p => p.Sd).ToArray()),
            new ChartSeries(label, grid, logLoss.Select(p => p.Mean).ToArray(), logLoss.Select(p => p.Sd).ToArray()));
    }

    private static CurvePoint? LatestAt(IReadOnlyList<CurvePoint> curve, double seconds)
    {
        CurvePoint? latest = null;
        foreach (var point in curve)
        {
            if (point.Seconds > seconds + 1e-9)
            {
                break;
            }

            latest = point;
        }

        return latest;
    }
}
