using HybridSgd.Pipeline.Policies;

namespace HybridSgd.Pipeline.Aggregation;

/// <summary>A live retune of the aggregator: when, from which k to which, why, and what was measured behind it.</summary>
public sealed record ThresholdChange(double Seconds, int OldThreshold, int NewThreshold, ThresholdReason Reason, ThresholdEvidence? Evidence = null)
{
    /// <summary>A change the policy asked for (as opposed to the cap following workers that retired).</summary>
    public bool ByPolicy => Reason is not (ThresholdReason.WorkersRetired or ThresholdReason.WorkersJoined or ThresholdReason.Regroup);
}
