namespace HybridSgd.Pipeline.Aggregation;

/// <summary>
/// Running totals of the updates the aggregator applied, including a staleness histogram. Not thread-safe:
/// the aggregator mutates and reads it under its own lock.
/// </summary>
internal sealed class UpdateCounters
{
    /// <summary>Staleness values at or above this share the last bucket.</summary>
    public const int HistogramBuckets = 64;

    private readonly long[] _staleness = new long[HistogramBuckets + 1];
    private long _stalenessSum;
    private long _stalenessMax;
    private TimeSpan _busy;

    public long Version { get; private set; }

    public long Gradients { get; private set; }

    public long Examples { get; private set; }

    public long Skipped { get; private set; }

    public double LastMeanLoss { get; private set; }

    public void RecordGradient(long staleness)
    {
        _stalenessSum += staleness;
        _stalenessMax = Math.Max(_stalenessMax, staleness);
        _staleness[Math.Min(staleness, HistogramBuckets)]++;
    }

    /// <summary>Adds time the applier spent on one batch (applying it, or regrouping it after a retune).</summary>
    public void RecordBusy(TimeSpan elapsed) => _busy += elapsed;

    /// <summary>Counts one update of <paramref name="gradients"/> gradients; returns the version it publishes.</summary>
    public long RecordUpdate(int gradients, int examples, double meanLoss, bool applied)
    {
        Gradients += gradients;
        Examples += examples;
        LastMeanLoss = meanLoss;
        if (applied)
        {
            Version++;
        }
        else
        {
            Skipped++;
        }

        return Version;
    }

    public AggregationStatistics Snapshot(int threshold) => new(
        Version,
        Gradients,
        Examples,
        Skipped,
        threshold,
        Gradients == 0 ? 0 : _stalenessSum / (double)Gradients,
        _stalenessMax,
        LastMeanLoss,
        Array.AsReadOnly((long[])_staleness.Clone()),
        _busy);
}
