namespace HybridSgd.Pipeline.Policies;

/// <summary>k = 1: every gradient is applied as it arrives.</summary>
public sealed class AsynchronousPolicy : IThresholdPolicy
{
    public string Describe() => "async";

    public int ThresholdAt(double progress, int workerCount) => 1;
}
