using System.Text;

namespace HybridSgd.Host.Compare;

/// <summary>Draws the data of a panel inside its clip rectangle: sd bands, mean lines, markers, the threshold steps.</summary>
internal static class ChartPlotPainter
{
    private const string BandOpacity = "0.18";
    private const double MarkerRadius = 6;

    /// <summary>All bands first, then all lines, so no band veils another method's line.</summary>
    public static void WriteSeries(ChartSvgBuilder svg, ChartPanel panel, IReadOnlyList<ChartLine> lines)
    {
        svg.Open("g", ("clip-path", $"url(#{panel.ClipId})"));
        foreach (var line in lines.Where(l => l.Points.Any(p => p.Deviation > 0)))
        {
            if (line.Points.Count == 1)
            {
                // A band needs two points; one point's spread is an error bar.
                var point = line.Points[0];
                double x = panel.X(point.Seconds);
                svg.Empty("line", ("x1", x), ("y1", panel.Y(point.Low)), ("x2", x), ("y2", panel.Y(point.High)),
                    ("stroke", line.Colour), ("stroke-width", "2"), ("stroke-opacity", "0.5"));
                continue;
            }

            var band = line.Points.Select(p => (p.Seconds, p.High)).Concat(line.Points.Reverse().Select(p => (p.Seconds, p.Low)));
            svg.Empty("polygon", ("class", "band"), ("points", Points(panel, band)), ("fill", line.Colour),
                ("fill-opacity", BandOpacity), ("stroke", "none"));
        }

        foreach (var line in lines.Where(l => l.Points.Count > 0))
        {
            svg.Empty("polyline", ("class", "series"), ("data-label", line.Label),
                ("points", Points(panel, line.Points.Select(p => (p.Seconds, p.Mean)))),
                ("fill", "none"), ("stroke", line.Colour), ("stroke-width", "1.8"), ("stroke-linejoin", "round"));
            if (line.Points.Count == 1)
            {
                // A one-point polyline draws nothing; the dot makes the lone sample visible.
                var point = line.Points[0];
                svg.Empty("circle", ("cx", panel.X(point.Seconds)), ("cy", panel.Y(point.Mean)), ("r", 3.5), ("fill", line.Colour));
            }
        }

        svg.Close("g");
    }

    /// <summary>Diamonds clipped like the data; their labels are placed afterwards, unclipped, where they collide least.</summary>
    public static void WriteMarkers(ChartSvgBuilder svg, ChartPanel panel, IReadOnlyList<ChartMarker> markers, ChartPalette palette)
    {
        var visible = markers
            .Where(m => double.IsFinite(m.Seconds) && double.IsFinite(m.Value))
            .OrderBy(m => m.Seconds)
            .ToList();
        svg.Open("g", ("clip-path", $"url(#{panel.ClipId})"));
        foreach (var marker in visible)
        {
            svg.Empty("polygon", ("class", "marker"), ("points", Diamond(panel.X(marker.Seconds), panel.Y(marker.Value), MarkerRadius)),
                ("fill", palette.ColourOf(marker.Label ?? "")), ("stroke", "#ffffff"), ("stroke-width", "1"));
        }

        svg.Close("g");

        var labels = new ChartLabelPlacer(panel.Area);
        foreach (var marker in visible.Where(m => panel.Shows(m.Seconds, m.Value)))
        {
            var (x, y, anchor) = labels.Place(panel.X(marker.Seconds), panel.Y(marker.Value), marker.Label ?? "", MarkerRadius + 3);
            // A white outline (painted under the glyphs) keeps the label readable where it crosses a line.
            svg.Text("text", marker.Label, ("x", x), ("y", y), ("text-anchor", anchor), ("font-size", ChartLabelPlacer.FontSize),
                ("font-weight", "bold"), ("fill", palette.ColourOf(marker.Label ?? "")), ("stroke", "#ffffff"), ("stroke-width", "3"),
                ("stroke-linejoin", "round"), ("paint-order", "stroke"));
        }
    }

    /// <summary>k(t) as a step line: each value holds until the next change, the last one to the end of the axis.</summary>
    public static void WriteThreshold(ChartSvgBuilder svg, ChartPanel panel, ThresholdTrace trace, string colour)
    {
        IReadOnlyList<double> seconds = trace.Seconds ?? [];
        IReadOnlyList<int> threshold = trace.Threshold ?? [];
        var changes = Enumerable.Range(0, Math.Min(seconds.Count, threshold.Count))
            .Where(i => double.IsFinite(seconds[i]))
            .Select(i => (Seconds: seconds[i], Value: (double)threshold[i]))
            .OrderBy(c => c.Seconds)
            .ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var steps = new List<(double, double)>(2 * changes.Count + 1) { changes[0] };
        for (int i = 1; i < changes.Count; i++)
        {
            steps.Add((changes[i].Seconds, changes[i - 1].Value));
            steps.Add(changes[i]);
        }

        steps.Add((Math.Max(panel.XRange.Max, changes[^1].Seconds), changes[^1].Value));

        svg.Open("g", ("clip-path", $"url(#{panel.ClipId})"));
        svg.Empty("polyline", ("class", "threshold"), ("points", Points(panel, steps)), ("fill", "none"), ("stroke", colour),
            ("stroke-width", "2"), ("stroke-linejoin", "miter"));
        svg.Close("g");
    }

    private static string Points(ChartPanel panel, IEnumerable<(double Seconds, double Value)> points)
    {
        var text = new StringBuilder();
        foreach (var (seconds, value) in points)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(ChartFormat.Number(panel.X(seconds))).Append(',').Append(ChartFormat.Number(panel.Y(value)));
        }

        return text.ToString();
    }

    private static string Diamond(double x, double y, double r) =>
        $"{ChartFormat.Number(x)},{ChartFormat.Number(y - r)} {ChartFormat.Number(x + r)},{ChartFormat.Number(y)} " +
        $"{ChartFormat.Number(x)},{ChartFormat.Number(y + r)} {ChartFormat.Number(x - r)},{ChartFormat.Number(y)}";
}
