using ScottPlot;
using SkiaSharp;

namespace HybridSgd.Host.Compare;

/// <summary>
/// Renders a <see cref="ComparisonChart"/> as one figure (1000×900 px), as PNG or as SVG: the same ScottPlot
/// drawing either way. Stacked panels for the score, the loss and the hybrid threshold over a shared seconds axis.
/// </summary>
public static class ChartFigure
{
    public const int Width = 1000;
    public const int Height = 900;

    public static byte[] Png(ComparisonChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var image = new ChartFigureBuilder(chart).Build().Render(Width, Height);
        return image.GetImageBytes(ImageFormat.Png, quality: 100);
    }

    public static string Svg(ComparisonChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var figure = new ChartFigureBuilder(chart).Build();
        using var stream = new MemoryStream();
        // Skia writes the document out when its SVG canvas is disposed, so the canvas must go before the stream is read.
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, Height), stream))
        {
            figure.Render(canvas, new PixelRect(0, Width, Height, 0));
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
