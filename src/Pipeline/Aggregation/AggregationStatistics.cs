namespace HybridSgd.Pipeline.Aggregation;

/// <summary>Counters of the aggregator, read as one consistent copy.</summary>
public sealed record AggregationStatistics(
    long Updates,
    long Gradients,
    long Examples,
    long SkippedUpdates,
    int Threshold,
    double MeanStaleness,
    long MaxStaleness,
    double LastMeanLoss);
