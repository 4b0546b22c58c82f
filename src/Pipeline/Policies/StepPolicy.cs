namespace HybridSgd.Pipeline.Policies;

/// <summary>Asynchronous until <c>at</c>, synchronous afterwards.</summary>
internal sealed class StepPolicy(double at) : ProgressPolicy
{
    public override string Describe() => $"step({at:0.###})";

    public override int ThresholdAt(double progress, int workerCount) => progress < at ? 1 : workerCount;
}
