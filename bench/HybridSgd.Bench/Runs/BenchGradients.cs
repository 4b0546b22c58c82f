using HybridSgd.Pipeline.Aggregation;

namespace HybridSgd.Bench.Runs;

/// <summary>Gradient messages as a worker makes them, for benchmarks that drive the aggregator directly.</summary>
internal static class BenchGradients
{
    /// <summary>A worker's message, armed with its first gradient (64 examples).</summary>
    public static GradientMessage Create(int worker, long sequence, float[] gradient, long weightsVersion)
    {
        var message = new GradientMessage(worker, gradient);
        message.Arm(sequence, exampleCount: 64, weightsVersion, loss: 0.5);
        return message;
    }

    /// <summary>Waits (blocking) for the message's gradient to be applied; false on timeout.</summary>
    public static bool WaitApplied(GradientMessage message, TimeSpan timeout) => message.Applied.AsTask().Wait(timeout);
}
