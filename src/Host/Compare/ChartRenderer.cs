namespace HybridSgd.Host.Compare;

/// <summary>Lays out and writes one <see cref="ComparisonChart"/>; one instance per render, so nothing is shared.</summary>
internal sealed class ChartRenderer(ComparisonChart chart)
{
    // The threshold panel is a thin strip: it shows when k changed, not fine detail.
    private const double MetricWeight = 1;
    private const double ThresholdWeight = 0.5;
    private const double RightPadding = 0.02;

    private readonly ChartPalette _palette = new();

    public string Render()
    {
        var accuracy = ChartLine.Of(chart.Accuracy, _palette);
        var logLoss = ChartLine.Of(chart.LogLoss, _palette);
        IReadOnlyList<ChartMarker> accuracyMarkers = chart.AccuracyMarkers ?? [];
        IReadOnlyList<ChartMarker> logLossMarkers = chart.LogLossMarkers ?? [];
        var legend = new ChartLegend(LegendEntries(accuracy, logLoss, accuracyMarkers, logLossMarkers), ChartLayout.Left, ChartLayout.Right);

        var (areas, height) = ChartLayout.Stack(legend.Rows, chart.Thresholds.Count > 0
            ? [MetricWeight, MetricWeight, ThresholdWeight]
            : [MetricWeight, MetricWeight]);

        var data = SecondsRange(accuracy, logLoss, accuracyMarkers, logLossMarkers);
        // Ticks come from the data's range; the axis runs a little further so a point at the last time is not
        // cut in half by the frame (padding first would turn a 0..20 axis's step of 2 into a step of 5).
        var xTicks = ChartTicks.Nice(data.Min, data.Max, maxTicks: 11);
        var x = data with { Max = data.Max + RightPadding * data.Span };
        var panels = new List<ChartPanel>
        {
            MetricPanel("accuracy", $"Test {chart.ScoreName}", chart.ScoreName, areas[0], x, xTicks, accuracy, accuracyMarkers, ChartBetter.Higher),
            MetricPanel("logloss", $"Test {chart.LossName}", chart.LossName, areas[1], x, xTicks, logLoss, logLossMarkers, ChartBetter.Lower),
        };
        if (chart.Thresholds.Count > 0)
        {
            panels.Add(ThresholdPanel(areas[2], x, xTicks, chart.Thresholds));
        }

        var svg = new ChartSvgBuilder();
        svg.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("width", ChartLayout.Width), ("height", height),
            ("viewBox", $"0 0 {ChartFormat.Number(ChartLayout.Width)} {ChartFormat.Number(height)}"),
            ("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif"));
        svg.Text("title", chart.Title);
        svg.Open("defs");
        foreach (var panel in panels)
        {
            svg.Open("clipPath", ("id", panel.ClipId));
            svg.Empty("rect", ("x", panel.Area.Left), ("y", panel.Area.Top), ("width", panel.Area.Width), ("height", panel.Area.Height));
            svg.Close("clipPath");
        }

        svg.Close("defs");
        svg.Empty("rect", ("width", "100%"), ("height", "100%"), ("fill", "#ffffff"));
        svg.Text("text", chart.Title, ("x", ChartLayout.Width / 2), ("y", ChartLayout.TitleBaseline), ("text-anchor", "middle"),
            ("font-size", "18"), ("font-weight", "bold"), ("fill", "#222222"));
        legend.Write(svg, ChartLayout.LegendTop);

        for (int i = 0; i < panels.Count; i++)
        {
            var panel = panels[i];
            svg.Open("g", ("id", panel.Id + "-panel"));
            ChartAxes.WriteGrid(svg, panel);
            switch (i)
            {
                case 0:
                    ChartPlotPainter.WriteSeries(svg, panel, accuracy);
                    ChartPlotPainter.WriteMarkers(svg, panel, accuracyMarkers, _palette);
                    break;
                case 1:
                    ChartPlotPainter.WriteSeries(svg, panel, logLoss);
                    ChartPlotPainter.WriteMarkers(svg, panel, logLossMarkers, _palette);
                    break;
                default:
                    foreach (var trace in chart.Thresholds)
                    {
                        ChartPlotPainter.WriteThreshold(svg, panel, trace, _palette.ColourOf(trace.Method));
                    }

                    break;
            }

            ChartAxes.WriteFrame(svg, panel);
            svg.Close("g");
        }

        var last = panels[^1].Area;
        svg.Text("text", "seconds (wall clock)", ("x", last.Left + last.Width / 2), ("y", ChartLayout.AxisTitleBaseline(last)),
            ("text-anchor", "middle"), ("font-size", "12"), ("fill", "#333333"));
        svg.Close("svg");
        return svg.ToString();
    }

    /// <summary>
    /// k runs from 1 to the worker count; a recorded k above it (a misconfigured chart) widens the axis rather
    /// than vanish. Half a step of room at each end keeps the lines at the extremes off the frame.
    /// </summary>
    private ChartPanel ThresholdPanel(ChartPlotArea area, ChartRange x, ChartTickSet xTicks, IReadOnlyList<ThresholdTrace> traces)
    {
        int workers = Math.Max(1, chart.Workers);
        int top = Math.Max(workers, traces.SelectMany(t => t.Threshold ?? []).DefaultIfEmpty(1).Max());
        string methods = string.Join(" and ", traces.Select(t => t.Method));
        string title = $"Threshold k(t) of {methods} (gradients per update, {workers} worker{(workers == 1 ? "" : "s")})";
        return new ChartPanel("threshold", title, "k", "", area, x, new ChartRange(0.5, top + 0.5), xTicks,
            ChartTicks.Nice(1, top, maxTicks: 6, minStep: 1));
    }

    private static ChartPanel MetricPanel(
        string id, string title, string axisTitle, ChartPlotArea area, ChartRange x, ChartTickSet xTicks,
        IReadOnlyList<ChartLine> lines, IReadOnlyList<ChartMarker> markers, ChartBetter better)
    {
        var points = lines.Select(l => l.Points).ToList();
        var y = ChartYRange.Focus(points, markers, x, better);
        string note = ChartYRange.Clips(points, y)
            ? better == ChartBetter.Higher ? "zoomed: early, lower values are off-scale" : "zoomed: early, higher values are off-scale"
            : "";
        return new ChartPanel(id, title, axisTitle, note, area, x, y, xTicks, ChartTicks.Nice(y.Min, y.Max, maxTicks: 8));
    }

    /// <summary>The shared time axis: from 0 (or an earlier time) to the last time anything happened.</summary>
    private ChartRange SecondsRange(
        IReadOnlyList<ChartLine> accuracy, IReadOnlyList<ChartLine> logLoss,
        IReadOnlyList<ChartMarker> accuracyMarkers, IReadOnlyList<ChartMarker> logLossMarkers)
    {
        var times = accuracy.Concat(logLoss).SelectMany(l => l.Points.Select(p => p.Seconds))
            .Concat(accuracyMarkers.Concat(logLossMarkers).Where(m => double.IsFinite(m.Value)).Select(m => m.Seconds))
            .Concat(chart.Thresholds.SelectMany(t => t.Seconds ?? []))
            .Where(double.IsFinite)
            .ToList();
        return times.Count == 0 ? ChartRange.Unit : new ChartRange(Math.Min(0, times.Min()), times.Max()).Widened();
    }

    private IEnumerable<ChartLegend.Entry> LegendEntries(
        IReadOnlyList<ChartLine> accuracy, IReadOnlyList<ChartLine> logLoss,
        IReadOnlyList<ChartMarker> accuracyMarkers, IReadOnlyList<ChartMarker> logLossMarkers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in accuracy.Concat(logLoss).Where(l => seen.Add(l.Label)))
        {
            yield return new ChartLegend.Entry(line.Label, line.Colour, IsMarker: false);
        }

        foreach (var marker in accuracyMarkers.Concat(logLossMarkers).Where(m => seen.Add(m.Label ?? "")))
        {
            yield return new ChartLegend.Entry(marker.Label ?? "", _palette.ColourOf(marker.Label ?? ""), IsMarker: true);
        }
    }
}
