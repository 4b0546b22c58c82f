using ScottPlot;
using ScottPlot.TickGenerators;

namespace HybridSgd.Host.Compare;

/// <summary>
/// Draws one metric panel: each method's sd band and mean line, the baselines as diamonds with their names, and
/// the y range of <see cref="ChartYRange.Focus"/>, saying so under the title when it leaves early values off-scale.
/// </summary>
internal static class ChartMetricPanel
{
    // Shared with the legend's swatches.
    internal const double BandAlpha = 0.18;
    internal const float MarkerSize = 12;
    private const float LineWidth = 1.8f;
    private const float NoteDrop = 8;

    public static void Draw(
        Plot plot, IReadOnlyList<ChartLine> lines, IReadOnlyList<ChartMarker> markers, ChartRange x, ChartBetter better, ChartPalette palette)
    {
        // All bands first, then all lines, so no band veils another method's line.
        foreach (var line in lines)
        {
            Band(plot, line);
        }

        foreach (var line in lines.Where(l => l.Points.Count > 0))
        {
            var mean = plot.Add.ScatterLine(line.Points.Select(p => p.Seconds).ToArray(), line.Points.Select(p => p.Mean).ToArray(), line.Colour);
            mean.LineWidth = LineWidth;
            // A one-point line draws nothing; the dot makes the lone sample visible.
            mean.MarkerSize = line.Points.Count == 1 ? 7 : 0;
        }

        var visible = markers.Where(m => double.IsFinite(m.Seconds) && double.IsFinite(m.Value)).ToList();
        var points = lines.Select(l => l.Points).ToList();
        var y = ChartYRange.Focus(points, visible, x, better);
        foreach (var marker in visible)
        {
            var colour = palette.ColourOf(marker.Label ?? "");
            plot.Add.Marker(marker.Seconds, marker.Value, MarkerShape.FilledDiamond, MarkerSize, colour);
            Name(plot, marker, colour, x, y);
        }

        plot.Axes.SetLimits(x.Min, x.Max, y.Min, y.Max);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { MaxTickCount = 8 };
        if (ChartYRange.Clips(points, y))
        {
            // Under the panel title, above the plot area, where it covers no data (plottables are clipped to the plot area).
            var note = plot.Axes.Top.Label;
            note.Text = better == ChartBetter.Higher ? "zoomed: early, lower values are off-scale" : "zoomed: early, higher values are off-scale";
            note.Font = Face(bold: false, italic: true);
            note.FontSize = 11;
            note.ForeColor = Colors.Gray;
            // The axis draws its label at its outer edge, where the title also starts; down to the plot area with it.
            ((ScottPlot.AxisPanels.AxisBase)plot.Axes.Top).LabelOffsetY = NoteDrop;
        }
    }

    // A real bold or italic face: the flags alone are synthesised when rasterising and lost in the SVG.
    private static SkiaSharp.SKTypeface Face(bool bold, bool italic) => Fonts.GetTypeface(ChartFigureBuilder.FontName, bold, italic);

    private static void Band(Plot plot, ChartLine line)
    {
        if (!line.Points.Any(p => p.Deviation > 0))
        {
            return;
        }

        if (line.Points.Count == 1)
        {
            // A band needs two points; one point's spread is an error bar.
            var point = line.Points[0];
            var bar = plot.Add.Line(point.Seconds, point.Low, point.Seconds, point.High);
            bar.Color = line.Colour.WithAlpha(0.5);
            bar.LineWidth = 2;
            return;
        }

        var band = plot.Add.FillY(
            line.Points.Select(p => p.Seconds).ToArray(), line.Points.Select(p => p.Low).ToArray(), line.Points.Select(p => p.High).ToArray());
        band.FillColor = line.Colour.WithAlpha(BandAlpha);
        band.LineWidth = 0;
    }

    /// <summary>
    /// The baseline's name beside its diamond, towards the middle of the panel so it stays inside the plot area,
    /// on white so lines do not cross it.
    /// </summary>
    private static void Name(Plot plot, ChartMarker marker, Color colour, ChartRange x, ChartRange y)
    {
        bool right = marker.Seconds > x.Min + x.Span / 2;
        bool high = marker.Value > y.Min + y.Span / 2;
        var name = plot.Add.Text(marker.Label ?? "", marker.Seconds, marker.Value);
        name.Alignment = (high, right) switch
        {
            (true, true) => Alignment.UpperRight,
            (true, false) => Alignment.UpperLeft,
            (false, true) => Alignment.LowerRight,
            (false, false) => Alignment.LowerLeft,
        };
        name.OffsetX = right ? -MarkerSize / 2 : MarkerSize / 2;
        name.OffsetY = high ? MarkerSize / 2 : -MarkerSize / 2;
        name.LabelStyle.Font = Face(bold: true, italic: false);
        name.LabelFontSize = 11;
        name.LabelFontColor = colour;
        name.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
    }
}
