using System.Globalization;
using System.Xml.Linq;
using HybridSgd.Host.Compare;

namespace HybridSgd.Tests.Host;

public sealed class ChartSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Render_RealisticChart_IsSvgWithOnePolylinePerSeriesPerPanel()
    {
        var document = XDocument.Parse(ChartSvg.Render(ChartExampleData.Realistic()));

        Assert.Equal("svg", document.Root!.Name.LocalName);
        Assert.Equal(["sync", "async", "hybrid"], SeriesLabels(document, "accuracy-panel"));
        Assert.Equal(["sync", "async", "hybrid"], SeriesLabels(document, "logloss-panel"));
        Assert.Single(Panel(document, "threshold-panel").Descendants(Svg + "polyline"), p => (string?)p.Attribute("class") == "threshold");
    }

    [Fact]
    public void Render_RealisticChart_ShowsLegendAndMarkerLabels()
    {
        var document = XDocument.Parse(ChartSvg.Render(ChartExampleData.Realistic()));

        var legend = document.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.Equal(["sync", "async", "hybrid", "ML.NET SDCA"], legend.Elements(Svg + "text").Select(t => t.Value));
        Assert.Contains(Panel(document, "accuracy-panel").Descendants(Svg + "text"), t => t.Value == "ML.NET SDCA");
        Assert.Contains(Panel(document, "logloss-panel").Descendants(Svg + "text"), t => t.Value == "ML.NET SDCA");
    }

    [Fact]
    public void Render_SameLabel_HasTheSameColourInEveryPanel_AndLabelsDiffer()
    {
        var document = XDocument.Parse(ChartSvg.Render(ChartExampleData.Realistic()));

        var accuracy = Strokes(document, "accuracy-panel");
        var logLoss = Strokes(document, "logloss-panel");
        Assert.Equal(accuracy, logLoss);
        Assert.Equal(accuracy.Count, accuracy.Values.Distinct().Count());
    }

    [Fact]
    public void Render_UnderGermanCulture_WritesTheSameInvariantNumbers()
    {
        var chart = ChartExampleData.Realistic();
        var previous = CultureInfo.CurrentCulture;
        string invariant;
        string german;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            invariant = ChartSvg.Render(chart);
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            german = ChartSvg.Render(chart);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal(invariant, german);
        var document = XDocument.Parse(german);
        Assert.Contains(Panel(document, "accuracy-panel").Descendants(Svg + "text"), t => t.Value.StartsWith("0.8", StringComparison.Ordinal));
        foreach (var polyline in document.Descendants(Svg + "polyline"))
        {
            // "x,y x,y …": a decimal comma would put more than one comma in a pair.
            Assert.All(((string)polyline.Attribute("points")!).Split(' '), pair => Assert.Single(pair, ','));
        }
    }

    [Fact]
    public void Render_NaNValuesAndEmptySeries_DoNotThrowOrWriteNaN()
    {
        var chart = new ComparisonChart(
            "missing and empty data",
            [
                new ChartSeries("sync", [0, 1, double.NaN, 3, 4], [0.1, double.NaN, 0.5, 0.8, 0.82], [0, 0.01, 0.01, double.NaN]),
                new ChartSeries("async", [], [], []),
                new ChartSeries("hybrid", [0, 1], [double.PositiveInfinity, double.NaN], [double.NaN, double.NaN]),
            ],
            [new ChartMarker("SDCA", double.NaN, 0.8), new ChartMarker("other", 2, double.NaN)],
            [new ChartSeries("sync", [0, 1], [double.NaN, double.NaN], [])],
            [],
            [new ThresholdTrace([double.NaN, 1], [1, 2])],
            Workers: 2);

        string svg = ChartSvg.Render(chart);

        Assert.DoesNotContain("NaN", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Infinity", svg, StringComparison.OrdinalIgnoreCase);
        var document = XDocument.Parse(svg);
        Assert.Equal(["sync"], SeriesLabels(document, "accuracy-panel"));
        Assert.Empty(SeriesLabels(document, "logloss-panel"));
    }

    [Fact]
    public void Render_NoDataAtAll_StillDrawsEmptyPanels()
    {
        string svg = ChartSvg.Render(new ComparisonChart("empty", [], [], [], [], [], Workers: 0));

        var document = XDocument.Parse(svg);
        Assert.Empty(document.Descendants(Svg + "polyline"));
        Assert.NotNull(FindPanel(document, "accuracy-panel"));
        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SinglePointAndAllEqualValues_DrawWithoutDividingByZero()
    {
        var chart = new ComparisonChart(
            "flat",
            [new ChartSeries("sync", [2], [0.5], [0.01]), new ChartSeries("async", [0, 1, 2], [0.5, 0.5, 0.5], [0, 0, 0])],
            [],
            [new ChartSeries("sync", [2], [0.7], [])],
            [],
            [new ThresholdTrace([0], [3])],
            Workers: 1);

        string svg = ChartSvg.Render(chart);

        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
        var document = XDocument.Parse(svg);
        Assert.Equal(["sync", "async"], SeriesLabels(document, "accuracy-panel"));
        Assert.Single(Panel(document, "accuracy-panel").Descendants(Svg + "circle"));
    }

    [Fact]
    public void Render_NoThreshold_OmitsThePanel()
    {
        var chart = ChartExampleData.Realistic() with { Thresholds = [] };

        var document = XDocument.Parse(ChartSvg.Render(chart));

        Assert.Null(FindPanel(document, "threshold-panel"));
        Assert.Equal(2, document.Descendants(Svg + "clipPath").Count());
    }

    [Fact]
    public void Render_ThresholdAboveWorkers_WidensTheAxisInsteadOfHidingIt()
    {
        var chart = new ComparisonChart("k", [], [], [], [], [new ThresholdTrace([0, 1], [1, 3])], Workers: 2);

        var document = XDocument.Parse(ChartSvg.Render(chart));

        Assert.Equal(["1", "2", "3"], Panel(document, "threshold-panel").Descendants(Svg + "text")
            .Where(t => (string?)t.Attribute("text-anchor") == "end" && t.Attribute("font-size") is null)
            .Select(t => t.Value));
    }

    [Fact]
    public void Render_TextWithMarkup_IsEscaped()
    {
        var chart = new ComparisonChart("a < b & \"c\" 'd' >", [new ChartSeries("<sync>", [0, 1], [0.5, 0.6], [])], [], [], [], [], 4);

        var document = XDocument.Parse(ChartSvg.Render(chart));

        Assert.Equal("a < b & \"c\" 'd' >", document.Root!.Element(Svg + "title")!.Value);
        Assert.Equal(["<sync>"], SeriesLabels(document, "accuracy-panel"));
    }

    [Fact]
    public void Render_EveryClippedGroup_UsesADefinedClipPath()
    {
        var document = XDocument.Parse(ChartSvg.Render(ChartExampleData.Realistic()));

        var defined = document.Descendants(Svg + "clipPath").Select(c => $"url(#{(string)c.Attribute("id")!})").ToHashSet();
        var used = document.Descendants().Select(e => (string?)e.Attribute("clip-path")).OfType<string>().ToList();
        Assert.NotEmpty(used);
        Assert.All(used, reference => Assert.Contains(reference, defined));
    }

    private static XElement? FindPanel(XDocument document, string id) =>
        document.Descendants(Svg + "g").SingleOrDefault(g => (string?)g.Attribute("id") == id);

    private static XElement Panel(XDocument document, string id) =>
        FindPanel(document, id) ?? throw new Xunit.Sdk.XunitException($"No panel '{id}'.");

    private static IEnumerable<string> SeriesLabels(XDocument document, string panelId) =>
        Panel(document, panelId).Descendants(Svg + "polyline")
            .Where(p => (string?)p.Attribute("class") == "series")
            .Select(p => (string)p.Attribute("data-label")!);

    private static Dictionary<string, string> Strokes(XDocument document, string panelId) =>
        Panel(document, panelId).Descendants(Svg + "polyline")
            .Where(p => (string?)p.Attribute("class") == "series")
            .ToDictionary(p => (string)p.Attribute("data-label")!, p => (string)p.Attribute("stroke")!);
}
