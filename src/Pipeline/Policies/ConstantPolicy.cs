namespace HybridSgd.Pipeline.Policies;

/// <summary>k = c throughout (capped at the worker count).</summary>
public sealed class ConstantPolicy(int threshold) : IThresholdPolicy
{
    public string Describe() => $"constant({threshold})";

    public int ThresholdAt(double progress, int workerCount) => Math.Clamp(threshold, 1, workerCount);
}
