namespace HybridSgd.Pipeline.Aggregation;

/// <summary>Counters of the aggregator, read as one consistent copy.</summary>
/// <param name="StalenessHistogram">Gradients applied per staleness value; the last bucket counts that value and above.</param>
/// <param name="BusyTime">
/// Time the aggregator spent applying updates (its applier's work under the lock): the serial part of training,
/// which more workers cannot speed up. Divided by <paramref name="Updates"/> it is the aggregator's cost per update.
/// </param>
public sealed record AggregationStatistics(
    long Updates,
    long Gradients,
    long Examples,
    long SkippedUpdates,
    int Threshold,
    double MeanStaleness,
    long MaxStaleness,
    double LastMeanLoss,
    IReadOnlyList<long> StalenessHistogram,
    TimeSpan BusyTime);
