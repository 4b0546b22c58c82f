namespace HybridSgd.Pipeline.Aggregation;

/// <summary>Counters of the aggregator, read as one consistent copy.</summary>
/// <param name="StalenessHistogram">Gradients applied per staleness value; the last bucket counts that value and above.</param>
public sealed record AggregationStatistics(
    long Updates,
    long Gradients,
    long Examples,
    long SkippedUpdates,
    int Threshold,
    double MeanStaleness,
    long MaxStaleness,
    double LastMeanLoss,
    IReadOnlyList<long> StalenessHistogram);
