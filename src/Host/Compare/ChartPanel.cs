namespace HybridSgd.Host.Compare;

/// <summary>
/// One plot area: where it sits on the page, the data ranges it shows, and the mapping from data to pixels.
/// </summary>
/// <param name="Note">Said beside the title, e.g. that the axis is zoomed and early values lie off-scale; empty for none.</param>
internal sealed record ChartPanel(
    string Id,
    string Title,
    string AxisTitle,
    string Note,
    ChartPlotArea Area,
    ChartRange XRange,
    ChartRange YRange,
    ChartTickSet XTicks,
    ChartTickSet YTicks)
{
    public string ClipId => Id + "-clip";

    public double X(double seconds) => Area.Left + (seconds - XRange.Min) / XRange.Span * Area.Width;

    public double Y(double value) => Area.Bottom - (value - YRange.Min) / YRange.Span * Area.Height;

    public bool Shows(double seconds, double value) => XRange.Contains(seconds) && YRange.Contains(value);
}
