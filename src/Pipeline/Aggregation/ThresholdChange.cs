namespace HybridSgd.Pipeline.Aggregation;

/// <summary>A live retune of the aggregator: when, from which k to which, and why.</summary>
public sealed record ThresholdChange(double Seconds, int OldThreshold, int NewThreshold, string Reason);
