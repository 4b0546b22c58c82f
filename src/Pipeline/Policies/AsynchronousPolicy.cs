namespace HybridSgd.Pipeline.Policies;

/// <summary>k = 1: every gradient is applied as it arrives.</summary>
internal sealed class AsynchronousPolicy : ProgressPolicy
{
    public override bool NeedsHorizon => false;

    public override string Describe() => "async";

    public override int ThresholdAt(double progress, int workerCount) => 1;
}
