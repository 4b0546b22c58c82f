using System.Buffers.Binary;
using System.Xml.Linq;
using HybridSgd.Host.Compare;

namespace HybridSgd.Tests.Host;

/// <summary>The rendered files: checked for what they hold and how they are framed, never pixel by pixel.</summary>
public sealed class ChartFigureTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Png_RealisticChart_IsAPngOfTheFigureSize()
    {
        byte[] png = ChartFigure.Png(ChartExampleData.Realistic());

        Assert.Equal(PngSignature, png.Take(PngSignature.Length));
        // A blank 1000×900 PNG compresses to a few kilobytes; curves, bands and text take far more.
        Assert.True(png.Length > 20_000, $"PNG of {png.Length} bytes");
        Assert.Equal((ChartFigure.Width, ChartFigure.Height), PngSize(png));
    }

    [Fact]
    public void Svg_RealisticChart_IsAnSvgDocumentWithEveryTitle()
    {
        var chart = ChartExampleData.Realistic();

        var document = XDocument.Parse(ChartFigure.Svg(chart));

        Assert.Equal(Svg + "svg", document.Root!.Name);
        Assert.Equal($"{ChartFigure.Width}", (string?)document.Root.Attribute("width"));
        var texts = Texts(document);
        Assert.Contains(chart.Title, texts);
        Assert.Contains("Test accuracy", texts);
        Assert.Contains("Test log-loss", texts);
        Assert.Contains("Threshold k(t) of hybrid (gradients per update, 4 workers)", texts);
        Assert.Contains("seconds (wall clock)", texts);
        Assert.Contains("ML.NET SDCA", texts);
        Assert.Contains("zoomed: early, higher values are off-scale", texts);
    }

    [Fact]
    public void Svg_RegressionWithoutThresholds_NamesItsMetricsAndHasNoThresholdPanel()
    {
        var chart = ChartExampleData.Realistic() with { Thresholds = [], ScoreName = "R²", LossName = "RMSE" };

        var texts = Texts(XDocument.Parse(ChartFigure.Svg(chart)));

        Assert.Contains("Test R²", texts);
        Assert.Contains("Test RMSE", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("Threshold", StringComparison.Ordinal));
    }

    [Fact]
    public void Svg_TextWithMarkup_IsEscaped()
    {
        var chart = new ComparisonChart("a < b & \"c\" 'd' >", [new ChartSeries("<sync>", [0, 1], [0.5, 0.6], [])], [], [], [], [], 4);

        var texts = Texts(XDocument.Parse(ChartFigure.Svg(chart)));

        Assert.Contains("a < b & \"c\" 'd' >", texts);
        Assert.Contains("<sync>", texts);
    }

    public static TheoryData<string> Awkward => ["nan", "empty", "single"];

    [Theory]
    [MemberData(nameof(Awkward))]
    public void Render_MissingEmptyOrSinglePointData_StillWritesBothFiles(string name)
    {
        var chart = AwkwardChart(name);

        byte[] png = ChartFigure.Png(chart);
        string svg = ChartFigure.Svg(chart);

        Assert.Equal(PngSignature, png.Take(PngSignature.Length));
        Assert.Contains(name, Texts(XDocument.Parse(svg)));
        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
    }

    private static ComparisonChart AwkwardChart(string name) => name switch
    {
        "nan" => new ComparisonChart(
            name,
            [
                new ChartSeries("sync", [0, 1, double.NaN, 3, 4], [0.1, double.NaN, 0.5, 0.8, 0.82], [0, 0.01, 0.01, double.NaN]),
                new ChartSeries("async", [], [], []),
                new ChartSeries("hybrid", [0, 1], [double.PositiveInfinity, double.NaN], [double.NaN, double.NaN]),
            ],
            [new ChartMarker("SDCA", double.NaN, 0.8), new ChartMarker("other", 2, double.NaN)],
            [new ChartSeries("sync", [0, 1], [double.NaN, double.NaN], [])],
            [],
            [new ThresholdTrace([double.NaN, 1], [1, 2])],
            Workers: 2),
        "empty" => new ComparisonChart(name, [], [], [], [], [], Workers: 0),
        _ => new ComparisonChart(
            name,
            [new ChartSeries("sync", [2], [0.5], [0.01]), new ChartSeries("async", [0, 1, 2], [0.5, 0.5, 0.5], [0, 0, 0])],
            [],
            [new ChartSeries("sync", [2], [0.7], [])],
            [],
            [new ThresholdTrace([0], [3])],
            Workers: 1),
    };

    // Skia writes each text run as one <text> element, its content indented on lines of its own.
    private static List<string> Texts(XDocument document) =>
        [.. document.Descendants(Svg + "text").Select(t => t.Value.Trim())];

    // The IHDR chunk follows the signature: length, type, then width and height as big-endian 32-bit integers.
    private static (int Width, int Height) PngSize(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
}
