namespace HybridSgd.Host.Compare;

/// <summary>
/// Page geometry in pixels. The panels stack in one column and share the x axis; the page keeps its height
/// whether or not the threshold panel is drawn, and grows only when the legend needs more rows.
/// </summary>
internal static class ChartLayout
{
    public const double Width = 1000;
    public const double BaseHeight = 900;
    public const double Left = 92;
    public const double Right = Width - 28;
    public const double TitleBaseline = 32;
    public const double LegendTop = 50;
    public const double LegendRowHeight = 20;
    public const double AxisTitleInset = 64;

    // Above each plot: the panel title. Below it: the tick labels. Below the last: the shared x-axis title.
    private const double PanelTitleBand = 30;
    private const double TickLabelBand = 24;
    private const double PanelGap = 8;
    private const double BottomBand = 34;
    private const double LegendGap = 10;

    /// <summary>Plot rectangles for panels sized by <paramref name="weights"/>, and the page height they need.</summary>
    public static (IReadOnlyList<ChartPlotArea> Areas, double Height) Stack(int legendRows, IReadOnlyList<double> weights)
    {
        double extraLegend = Math.Max(0, legendRows - 1) * LegendRowHeight;
        double height = BaseHeight + extraLegend;
        double top = LegendTop + Math.Max(1, legendRows) * LegendRowHeight + LegendGap;
        double plots = BaseHeight - (LegendTop + LegendRowHeight + LegendGap)
            - weights.Count * (PanelTitleBand + TickLabelBand + PanelGap) - BottomBand;
        double total = weights.Sum();

        var areas = new List<ChartPlotArea>(weights.Count);
        foreach (double weight in weights)
        {
            top += PanelTitleBand;
            double plotHeight = plots * weight / total;
            areas.Add(new ChartPlotArea(Left, top, Right - Left, plotHeight));
            top += plotHeight + TickLabelBand + PanelGap;
        }

        return (areas, height);
    }

    /// <summary>Where the shared x-axis title sits: under the last panel's tick labels.</summary>
    public static double AxisTitleBaseline(ChartPlotArea lastPanel) => lastPanel.Bottom + TickLabelBand + 14;
}
