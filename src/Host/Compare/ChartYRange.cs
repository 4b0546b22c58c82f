namespace HybridSgd.Host.Compare;

/// <summary>Which way a metric improves; the zoom clips the side that early, untrained models come from.</summary>
internal enum ChartBetter
{
    Higher,
    Lower,
}

/// <summary>
/// The y range of a metric panel, zoomed to where the methods differ.
/// </summary>
/// <remarks>
/// The rule: the <em>settled</em> values are the means ± sd at t ≥ a quarter of the time axis, plus every
/// marker (a marker is a final result). The axis covers every value (means ± sd and markers), except that on
/// the "worse" side (below for accuracy, above for log-loss) it reaches at most one settled-span beyond the
/// settled values; then 5% padding is added at both ends. So the plateau fills the upper half of the accuracy
/// panel and the early climb enters from below, instead of the t = 0 accuracy of ~0.1 (or loss of ~2.3)
/// squeezing the plateau into a flat line. A method that settles late widens the settled span and so stays
/// visible. Points outside the range are clipped to the panel.
/// </remarks>
internal static class ChartYRange
{
    public const double SettleFraction = 0.25;
    public const double Reach = 1.0;
    public const double Padding = 0.05;

    public static ChartRange Focus(
        IReadOnlyList<IReadOnlyList<ChartPoint>> series, IReadOnlyList<ChartMarker> markers, ChartRange x, ChartBetter better)
    {
        double settleFrom = x.Min + SettleFraction * x.Span;
        var all = new Extent();
        var settled = new Extent();
        foreach (var points in series)
        {
            foreach (var point in points)
            {
                all.Add(point.Low, point.High);
                if (point.Seconds >= settleFrom)
                {
                    settled.Add(point.Low, point.High);
                }
            }
        }

        foreach (var marker in markers)
        {
            if (double.IsFinite(marker.Value) && double.IsFinite(marker.Seconds))
            {
                all.Add(marker.Value, marker.Value);
                settled.Add(marker.Value, marker.Value);
            }
        }

        if (all.IsEmpty)
        {
            return ChartRange.Unit;
        }

        if (settled.IsEmpty)
        {
            settled = all;
        }

        double reach = Reach * (settled.Max - settled.Min);
        double min = better == ChartBetter.Higher ? Math.Max(all.Min, settled.Min - reach) : all.Min;
        double max = better == ChartBetter.Lower ? Math.Min(all.Max, settled.Max + reach) : all.Max;
        return new ChartRange(min, max).Padded(Padding);
    }

    /// <summary>Whether any mean lies outside <paramref name="range"/>, i.e. the panel should say it is zoomed.</summary>
    public static bool Clips(IReadOnlyList<IReadOnlyList<ChartPoint>> series, ChartRange range) =>
        series.Any(points => points.Any(p => !range.Contains(p.Mean)));

    private struct Extent
    {
        public double Min { get; private set; }

        public double Max { get; private set; }

        public bool IsEmpty { get; private set; }

        public Extent() => (Min, Max, IsEmpty) = (double.PositiveInfinity, double.NegativeInfinity, true);

        public void Add(double low, double high)
        {
            Min = Math.Min(Min, low);
            Max = Math.Max(Max, high);
            IsEmpty = false;
        }
    }
}
