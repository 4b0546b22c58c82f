namespace HybridSgd.Host.Compare;

/// <summary>Tick positions at a "nice" step (1, 2 or 5 × 10^n) and how many decimals their labels need.</summary>
internal sealed record ChartTickSet(double Step, IReadOnlyList<double> Values, int Decimals)
{
    public string Label(double value) => ChartFormat.Fixed(value, Decimals);
}
