using ScottPlot;

namespace HybridSgd.Host.Compare;

/// <summary>
/// Builds the ScottPlot figure of one <see cref="ComparisonChart"/>: a header with the title and the legend, then
/// the score and loss panels and, when there are traces, the threshold panel, all on the same seconds axis.
/// One instance per render: the palette hands out colours as labels are first seen.
/// </summary>
internal sealed class ChartFigureBuilder(ComparisonChart chart)
{
    // The threshold panel is a thin strip: it shows when k changed, not fine detail.
    private const double MetricWeight = 1;
    private const double ThresholdWeight = 0.5;
    private const double RightPadding = 0.02;
    private const float HeaderHeight = 80;
    private const float FooterHeight = 22;
    private const float NoteHeight = 18;

    /// <summary>
    /// Named, because ScottPlot's own guess of a sans face lands on a serif one where Skia runs without fontconfig
    /// (our NoDependencies build). DejaVu Sans is on most Linux machines; where it is not, ScottPlot falls back to
    /// a face it has.
    /// </summary>
    internal const string FontName = "DejaVu Sans";

    // Every panel has the same margins, so their plot areas line up under the shared seconds axis.
    private static readonly PixelPadding PanelPadding = new(left: 80, right: 28, bottom: 26, top: 50);

    private readonly ChartPalette _palette = new();

    public Multiplot Build()
    {
        var score = ChartLine.Of(chart.Accuracy, _palette);
        var loss = ChartLine.Of(chart.LogLoss, _palette);
        IReadOnlyList<ChartMarker> scoreMarkers = chart.AccuracyMarkers ?? [];
        IReadOnlyList<ChartMarker> lossMarkers = chart.LogLossMarkers ?? [];
        IReadOnlyList<ThresholdTrace> thresholds = chart.Thresholds ?? [];

        // The axis runs a little past the last time, so a point there is not cut in half by the frame.
        var data = SecondsRange(score, loss, scoreMarkers, lossMarkers, thresholds);
        var x = data with { Max = data.Max + RightPadding * data.Span };

        var figure = new Multiplot(Header(LegendItems(score, loss, scoreMarkers, lossMarkers)));
        ChartMetricPanel.Draw(Panel(figure, $"Test {chart.ScoreName}", chart.ScoreName), score, scoreMarkers, x, ChartBetter.Higher, _palette);
        ChartMetricPanel.Draw(Panel(figure, $"Test {chart.LossName}", chart.LossName), loss, lossMarkers, x, ChartBetter.Lower, _palette);
        List<double> weights = [MetricWeight, MetricWeight];
        if (thresholds.Count > 0)
        {
            int workers = Math.Max(1, chart.Workers);
            ChartThresholdPanel.Draw(Panel(figure, ChartThresholdPanel.Title(thresholds, workers), "k"), thresholds, workers, x, _palette);
            weights.Add(ThresholdWeight);
        }

        var last = figure.GetPlots()[^1];
        last.XLabel("seconds (wall clock)", size: 12);
        last.Layout.Fixed(PanelPadding with { Bottom = PanelPadding.Bottom + FooterHeight });
        figure.Layout = new ChartStackLayout(HeaderHeight, FooterHeight, weights);
        return figure;
    }

    /// <summary>The title over the legend's one row, on a subplot with no axes.</summary>
    private Plot Header(IEnumerable<LegendItem> legend)
    {
        var header = new Plot();
        // Before the title: frameless hides every panel around the plot area, the title's too.
        header.Axes.Frameless();
        header.HideGrid();
        Title(header, chart.Title, size: 18);
        header.Legend.ManualItems.AddRange(legend);
        header.Legend.Orientation = Orientation.Horizontal;
        header.Legend.Alignment = Alignment.LowerCenter;
        header.Legend.OutlineWidth = 0;
        header.Legend.ShadowColor = Colors.Transparent;
        header.Legend.FontSize = 12;
        header.Legend.FontName = FontName;
        header.ShowLegend();
        return header;
    }

    private static Plot Panel(Multiplot figure, string title, string axisTitle)
    {
        var plot = new Plot();
        Title(plot, title, size: 14);
        // Room under the title for the zoom note, which a metric panel writes as its top axis's label; kept on
        // every panel, so all titles stand at the same height above their plots.
        plot.Axes.Top.MinimumSize = NoteHeight;
        plot.YLabel(axisTitle, size: 12);
        plot.Layout.Fixed(PanelPadding);
        figure.AddPlot(plot);
        return plot;
    }

    /// <summary>
    /// Puts the plot in the sans-serif face (its title, labels and ticks; the panels name the face for the texts
    /// they add) and gives it a bold title.
    /// </summary>
    private static void Title(Plot plot, string title, float size)
    {
        plot.Font.Set(FontName);
        plot.Title(title, size);
        // Set() pinned a regular typeface, which a Bold flag no longer changes.
        plot.Axes.Title.Label.Font = Fonts.GetTypeface(FontName, bold: true, italic: false);
    }

    /// <summary>The shared time axis: from 0 (or an earlier time) to the last time anything happened.</summary>
    private static ChartRange SecondsRange(
        IReadOnlyList<ChartLine> score, IReadOnlyList<ChartLine> loss,
        IReadOnlyList<ChartMarker> scoreMarkers, IReadOnlyList<ChartMarker> lossMarkers, IReadOnlyList<ThresholdTrace> thresholds)
    {
        var times = score.Concat(loss).SelectMany(l => l.Points.Select(p => p.Seconds))
            .Concat(scoreMarkers.Concat(lossMarkers).Where(m => double.IsFinite(m.Value)).Select(m => m.Seconds))
            .Concat(thresholds.SelectMany(t => t.Seconds ?? []))
            .Where(double.IsFinite)
            .ToList();
        return times.Count == 0 ? ChartRange.Unit : new ChartRange(Math.Min(0, times.Min()), times.Max()).Widened();
    }

    /// <summary>Series show their line on their band, baselines their diamond; a label seen as both is listed once, as a series.</summary>
    private IEnumerable<LegendItem> LegendItems(
        IReadOnlyList<ChartLine> score, IReadOnlyList<ChartLine> loss, IReadOnlyList<ChartMarker> scoreMarkers, IReadOnlyList<ChartMarker> lossMarkers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in score.Concat(loss).Where(l => seen.Add(l.Label)))
        {
            yield return new LegendItem
            {
                LabelText = line.Label, LineColor = line.Colour, LineWidth = 2.5f, FillColor = line.Colour.WithAlpha(ChartMetricPanel.BandAlpha),
            };
        }

        foreach (var label in scoreMarkers.Concat(lossMarkers).Select(m => m.Label ?? "").Where(seen.Add))
        {
            yield return new LegendItem
            {
                LabelText = label, MarkerShape = MarkerShape.FilledDiamond, MarkerSize = ChartMetricPanel.MarkerSize, MarkerFillColor = _palette.ColourOf(label),
            };
        }
    }
}
