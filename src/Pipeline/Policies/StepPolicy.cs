namespace HybridSgd.Pipeline.Policies;

/// <summary>Asynchronous until <c>at</c>, synchronous afterwards.</summary>
public sealed class StepPolicy(double at) : IThresholdPolicy
{
    public string Describe() => $"step({at:0.###})";

    public int ThresholdAt(double progress, int workerCount) => progress < at ? 1 : workerCount;
}
