using HybridSgd.Host.Compare;

namespace HybridSgd.Tests.Host;

/// <summary>
/// A realistic comparison: three methods over 20 s, accuracy climbing from 0.1 to ~0.84 within about 2 s and
/// then flat with noise (sd ~0.005), an SDCA result at (8.4 s, 0.840), and k(t) stepping 1→2→3→4 in 10 s.
/// Seeded, so every test sees the same numbers.
/// </summary>
internal static class ChartExampleData
{
    public static ComparisonChart Realistic(int seed = 7)
    {
        var random = new Random(seed);
        (string Label, double Tau, double Accuracy, double Loss)[] methods =
        [
            ("sync", 0.55, 0.838, 0.462),
            ("async", 0.35, 0.831, 0.478),
            ("hybrid", 0.30, 0.842, 0.451),
        ];

        var accuracy = new List<ChartSeries>();
        var logLoss = new List<ChartSeries>();
        foreach (var (label, tau, finalAccuracy, finalLoss) in methods)
        {
            var seconds = Enumerable.Range(0, 81).Select(i => i * 0.25).ToArray();
            var accuracyMean = seconds.Select(t => 0.1 + (finalAccuracy - 0.1) * (1 - Math.Exp(-t / tau)) + Noise(random, t, 0.003)).ToArray();
            var accuracySd = seconds.Select(t => t == 0 ? 0 : 0.004 + 0.002 * random.NextDouble()).ToArray();
            var lossMean = seconds.Select(t => finalLoss + (2.303 - finalLoss) * Math.Exp(-t / tau) + Noise(random, t, 0.006)).ToArray();
            var lossSd = seconds.Select(t => t == 0 ? 0 : 0.008 + 0.004 * random.NextDouble()).ToArray();
            accuracy.Add(new ChartSeries(label, seconds, accuracyMean, accuracySd));
            logLoss.Add(new ChartSeries(label, seconds, lossMean, lossSd));
        }

        return new ComparisonChart(
            "Fashion-MNIST softmax: sync vs async vs hybrid (4 workers, 5 seeds)",
            accuracy,
            [new ChartMarker("ML.NET SDCA", 8.4, 0.840)],
            logLoss,
            [new ChartMarker("ML.NET SDCA", 8.4, 0.452)],
            [new ThresholdTrace([0, 2.5, 5.5, 9.5], [1, 2, 3, 4])],
            Workers: 4);
    }

    private static double Noise(Random random, double seconds, double scale) =>
        seconds == 0 ? 0 : scale * (2 * random.NextDouble() - 1);
}
