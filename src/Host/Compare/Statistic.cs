namespace HybridSgd.Host.Compare;

/// <summary>Mean and sample standard deviation (n − 1; zero for a single value) of a set of runs.</summary>
public sealed record Statistic(double Mean, double StandardDeviation)
{
    public static Statistic Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return new Statistic(double.NaN, double.NaN);
        }

        double mean = values.Average();
        double variance = values.Count > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) : 0;
        return new Statistic(mean, Math.Sqrt(variance));
    }
}
