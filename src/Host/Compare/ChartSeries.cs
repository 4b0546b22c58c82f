namespace HybridSgd.Host.Compare;

/// <summary>
/// One training method's curve: the mean over repeated runs at each time, and its standard deviation
/// (drawn as a band). The lists are read in step; a missing or non-finite deviation counts as zero, and a
/// point whose time or mean is not finite is skipped.
/// </summary>
public sealed record ChartSeries(
    string Label,
    IReadOnlyList<double> Seconds,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double> StandardDeviation);
