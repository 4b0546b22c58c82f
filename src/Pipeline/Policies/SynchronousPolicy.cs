namespace HybridSgd.Pipeline.Policies;

/// <summary>k = N: the aggregator waits for one gradient from every worker.</summary>
internal sealed class SynchronousPolicy : ProgressPolicy
{
    public override bool NeedsHorizon => false;

    public override string Describe() => "sync";

    public override int ThresholdAt(double progress, int workerCount) => workerCount;
}
