namespace HybridSgd.Host.Compare;

/// <summary>
/// The legend: one row (wrapping when needed) between the chart title and the first panel, so it never
/// covers data. Series show a line on their sd band; markers show their diamond.
/// </summary>
internal sealed class ChartLegend
{
    private const double FontSize = 12;
    private const double SwatchWidth = 24;
    private const double TextGap = 6;
    private const double EntryGap = 22;

    private readonly List<(Entry Entry, double X, int Row)> _placed = [];

    public ChartLegend(IEnumerable<Entry> entries, double left, double right)
    {
        double x = left;
        int row = 0;
        foreach (var entry in entries)
        {
            double width = SwatchWidth + TextGap + ChartFormat.TextWidth(entry.Label, FontSize);
            if (x > left && x + width > right)
            {
                row++;
                x = left;
            }

            _placed.Add((entry, x, row));
            x += width + EntryGap;
        }

        Rows = _placed.Count == 0 ? 0 : row + 1;
    }

    public int Rows { get; }

    public void Write(ChartSvgBuilder svg, double top)
    {
        svg.Open("g", ("class", "legend"), ("font-size", "12"), ("fill", "#222222"));
        foreach (var (entry, x, row) in _placed)
        {
            double middle = top + row * ChartLayout.LegendRowHeight + ChartLayout.LegendRowHeight / 2;
            if (entry.IsMarker)
            {
                double cx = x + SwatchWidth / 2;
                svg.Empty("polygon", ("points", $"{ChartFormat.Number(cx)},{ChartFormat.Number(middle - 6)} {ChartFormat.Number(cx + 6)},{ChartFormat.Number(middle)} " +
                    $"{ChartFormat.Number(cx)},{ChartFormat.Number(middle + 6)} {ChartFormat.Number(cx - 6)},{ChartFormat.Number(middle)}"), ("fill", entry.Colour));
            }
            else
            {
                svg.Empty("rect", ("x", x), ("y", middle - 5), ("width", SwatchWidth), ("height", 10), ("fill", entry.Colour), ("fill-opacity", "0.18"));
                svg.Empty("line", ("x1", x), ("y1", middle), ("x2", x + SwatchWidth), ("y2", middle), ("stroke", entry.Colour), ("stroke-width", "2.5"));
            }

            svg.Text("text", entry.Label, ("x", x + SwatchWidth + TextGap), ("y", middle + 4));
        }

        svg.Close("g");
    }

    /// <summary>One legend entry; a label appearing both as a series and as a marker is listed once, as a series.</summary>
    public sealed record Entry(string Label, string Colour, bool IsMarker);
}
