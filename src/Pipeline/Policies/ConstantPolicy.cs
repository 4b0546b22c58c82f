namespace HybridSgd.Pipeline.Policies;

/// <summary>k = c throughout (capped at the worker count).</summary>
internal sealed class ConstantPolicy(int threshold) : ProgressPolicy
{
    public override bool NeedsHorizon => false;

    public override string Describe() => $"constant({threshold})";

    public override int ThresholdAt(double progress, int workerCount) => Math.Clamp(threshold, 1, workerCount);
}
