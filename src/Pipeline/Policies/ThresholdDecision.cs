namespace HybridSgd.Pipeline.Policies;

/// <summary>A policy's answer: the k it wants, why, and whether it will raise k any further on its own.</summary>
/// <param name="Threshold">The k wanted, in [1, workers]; the aggregator also caps it at the live workers.</param>
/// <param name="Reason">What made the policy choose this k (kept with a change of k in the report).</param>
/// <param name="Settled">
/// True when k is where the policy means to end (synchronous, or as synchronous as the stragglers allow): the
/// condition under which a run may stop as converged.
/// </param>
/// <param name="Evidence">The measured signals behind the decision, for the report and the log; null for progress policies.</param>
public readonly record struct ThresholdDecision(int Threshold, ThresholdReason Reason, bool Settled, ThresholdEvidence? Evidence = null);
