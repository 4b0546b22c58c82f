namespace HybridSgd.Pipeline.Policies;

/// <summary>k = N: the aggregator waits for one gradient from every worker.</summary>
public sealed class SynchronousPolicy : IThresholdPolicy
{
    public string Describe() => "sync";

    public int ThresholdAt(double progress, int workerCount) => workerCount;
}
