namespace HybridSgd.Bench.Runs;

internal static class Stats
{
    public static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    /// <summary>Linear interpolation between order statistics (the "R-7" definition spreadsheets use).</summary>
    public static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
