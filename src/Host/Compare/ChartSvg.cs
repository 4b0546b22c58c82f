namespace HybridSgd.Host.Compare;

/// <summary>
/// Renders a <see cref="ComparisonChart"/> as one self-contained SVG document (about 1000×900 px): stacked
/// panels for accuracy, log-loss and the hybrid threshold over a shared seconds axis. Written by hand so it
/// needs nothing beyond the .NET SDK; every number is culture-invariant and every text is XML-escaped.
/// </summary>
public static class ChartSvg
{
    public static string Render(ComparisonChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return new ChartRenderer(chart).Render();
    }
}
