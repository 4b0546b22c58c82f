namespace HybridSgd.Host.Compare;

/// <summary>
/// Places point labels inside a plot area so they neither run off its edge nor sit on one another: each label
/// takes the first free spot of a few around its point (above-right first), else the first that fits the area.
/// </summary>
internal sealed class ChartLabelPlacer(ChartPlotArea area)
{
    public const double FontSize = 11;

    private readonly List<Box> _taken = [];

    /// <summary>The label's anchor point and text-anchor, <paramref name="offset"/> pixels clear of the point.</summary>
    public (double X, double Y, string Anchor) Place(double x, double y, string label, double offset)
    {
        double width = ChartFormat.TextWidth(label, FontSize);
        (double Dx, double Dy, bool End)[] spots =
        [
            (offset, -offset, false), (offset, offset + FontSize, false),
            (-offset, -offset, true), (-offset, offset + FontSize, true),
            (offset, -offset - 2 * FontSize, false), (offset, offset + 3 * FontSize, false),
        ];

        (double X, double Y, bool End, Box Box)? fallback = null;
        foreach (var (dx, dy, end) in spots)
        {
            double left = end ? x + dx - width : x + dx;
            var box = new Box(left, y + dy - FontSize, left + width, y + dy + 3);
            if (!box.Inside(area))
            {
                continue;
            }

            fallback ??= (x + dx, y + dy, end, box);
            if (!_taken.Any(box.Overlaps))
            {
                _taken.Add(box);
                return (x + dx, y + dy, end ? "end" : "start");
            }
        }

        // Nothing fits cleanly (a crowded or tiny panel): overlap rather than leave the area.
        var chosen = fallback ?? (x + offset, y - offset, false, new Box(x + offset, y - offset - FontSize, x + offset + width, y - offset + 3));
        _taken.Add(chosen.Box);
        return (chosen.X, chosen.Y, chosen.End ? "end" : "start");
    }

    private readonly record struct Box(double Left, double Top, double Right, double Bottom)
    {
        public bool Inside(ChartPlotArea area) =>
            Left >= area.Left && Right <= area.Right && Top >= area.Top && Bottom <= area.Bottom;

        public bool Overlaps(Box other) =>
            Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;
    }
}
