namespace HybridSgd.Host.Compare;

/// <summary>Chooses tick marks a reader can add up in their head: steps of 1, 2 or 5 × 10^n.</summary>
internal static class ChartTicks
{
    // Division leaves 0.78 / 0.02 at 38.99999…; without slack the tick at the very edge of a range is lost.
    private const double Slack = 1e-9;

    /// <summary>
    /// The smallest nice step giving at most <paramref name="maxTicks"/> ticks inside [min, max], and no
    /// smaller than <paramref name="minStep"/> (1 for an integer axis such as the worker threshold).
    /// </summary>
    public static ChartTickSet Nice(double min, double max, int maxTicks = 6, double minStep = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 2);
        var range = new ChartRange(min, max).Widened();

        double step = Math.Max(NiceStep(range.Span / (maxTicks - 1)), minStep);
        int decimals = DecimalsFor(step);
        long first = (long)Math.Ceiling(range.Min / step - Slack);
        long last = (long)Math.Floor(range.Max / step + Slack);

        var values = new List<double>();
        for (long i = first; i <= last; i++)
        {
            // i * step rather than a running sum, so error does not accumulate along the axis.
            values.Add(Math.Round(i * step, decimals + 2));
        }

        return new ChartTickSet(step, values, decimals);
    }

    private static double NiceStep(double raw)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 + Slack ? 1 : fraction <= 2 + Slack ? 2 : fraction <= 5 + Slack ? 5 : 10;
        return nice * magnitude;
    }

    private static int DecimalsFor(double step) =>
        step >= 1 ? 0 : (int)Math.Ceiling(-Math.Log10(step) - Slack);
}
