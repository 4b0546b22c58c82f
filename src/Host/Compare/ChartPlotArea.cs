namespace HybridSgd.Host.Compare;

/// <summary>A panel's plot rectangle in pixels (y grows downwards, as in SVG).</summary>
internal readonly record struct ChartPlotArea(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;

    public double Bottom => Top + Height;
}
