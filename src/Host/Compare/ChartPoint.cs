namespace HybridSgd.Host.Compare;

/// <summary>One finite sample of a series: its time, mean and (non-negative) standard deviation.</summary>
internal readonly record struct ChartPoint(double Seconds, double Mean, double Deviation)
{
    public double Low => Mean - Deviation;

    public double High => Mean + Deviation;

    /// <summary>
    /// The drawable points of a series in time order: non-finite times or means are skipped (a NaN must not
    /// break the whole curve), and a missing, negative or non-finite deviation is read as its magnitude or zero.
    /// </summary>
    public static IReadOnlyList<ChartPoint> Of(ChartSeries series)
    {
        IReadOnlyList<double> seconds = series.Seconds ?? [];
        IReadOnlyList<double> mean = series.Mean ?? [];
        IReadOnlyList<double> deviation = series.StandardDeviation ?? [];

        int count = Math.Min(seconds.Count, mean.Count);
        var points = new List<ChartPoint>(count);
        for (int i = 0; i < count; i++)
        {
            if (!double.IsFinite(seconds[i]) || !double.IsFinite(mean[i]))
            {
                continue;
            }

            double sd = i < deviation.Count && double.IsFinite(deviation[i]) ? Math.Abs(deviation[i]) : 0;
            points.Add(new ChartPoint(seconds[i], mean[i], sd));
        }

        // Stable, so equal times keep the order they were recorded in.
        return [.. points.OrderBy(p => p.Seconds)];
    }
}
