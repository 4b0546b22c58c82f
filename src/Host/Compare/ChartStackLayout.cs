using ScottPlot;

namespace HybridSgd.Host.Compare;

/// <summary>
/// Places the figure's subplots in one column: a header of fixed height (title and legend), then the panels,
/// which share the rest by weight. The last panel also gets <paramref name="footer"/> pixels for the shared
/// seconds axis title, so its plot area is as tall as its weight says, like the others'.
/// </summary>
internal sealed class ChartStackLayout(float header, float footer, IReadOnlyList<double> weights) : IMultiplotLayout
{
    public PixelRect[] GetSubplotRectangles(SubplotCollection subplots, PixelRect figure)
    {
        if (subplots.Count != weights.Count + 1)
        {
            throw new InvalidOperationException($"The layout has a header and {weights.Count} panels, the figure {subplots.Count} subplots.");
        }

        var rectangles = new PixelRect[subplots.Count];
        float top = figure.Top + header;
        rectangles[0] = new PixelRect(figure.Left, figure.Right, top, figure.Top);
        float shared = figure.Height - header - footer;
        double total = weights.Sum();
        for (int i = 0; i < weights.Count; i++)
        {
            // Whole pixels, as a fractional seam between two subplots shows as a faint line in SVG viewers;
            // the last panel takes what rounding left, down to the figure's bottom edge.
            float bottom = i == weights.Count - 1 ? figure.Bottom : top + MathF.Round((float)(shared * weights[i] / total));
            rectangles[i + 1] = new PixelRect(figure.Left, figure.Right, bottom, top);
            top = bottom;
        }

        return rectangles;
    }
}
