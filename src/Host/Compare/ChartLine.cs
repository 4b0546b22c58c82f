using ScottPlot;

namespace HybridSgd.Host.Compare;

/// <summary>A series ready to draw: its label, its colour from the chart's palette and its finite points in time order.</summary>
internal sealed record ChartLine(string Label, Color Colour, IReadOnlyList<ChartPoint> Points)
{
    public static IReadOnlyList<ChartLine> Of(IReadOnlyList<ChartSeries>? series, ChartPalette palette) =>
        [.. (series ?? []).Select(s => new ChartLine(s.Label ?? "", palette.ColourOf(s.Label ?? ""), ChartPoint.Of(s)))];
}
