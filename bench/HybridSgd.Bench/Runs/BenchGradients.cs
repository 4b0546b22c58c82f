using HybridSgd.Pipeline.Aggregation;

namespace HybridSgd.Bench.Runs;

/// <summary>Gradient messages as a worker makes them, for benchmarks that drive the aggregator directly.</summary>
internal static class BenchGradients
{
    public static GradientMessage Create(int worker, long sequence, float[] gradient, long weightsVersion) =>
        new(worker, sequence, gradient, exampleCount: 64, weightsVersion, loss: 0.5);

    public static bool IsApplied(GradientMessage message) => message.Applied.IsCompletedSuccessfully;
}
