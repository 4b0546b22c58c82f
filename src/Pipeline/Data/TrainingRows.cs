using Microsoft.ML;

namespace HybridSgd.Pipeline.Data;

/// <summary>
/// Where a run's training rows come from, one epoch at a time: rows already in memory (the fast path, a seeded
/// permutation per epoch), or an ML.NET <see cref="IDataView"/> read through a cursor (for data that does not fit).
/// </summary>
public abstract class TrainingRows
{
    private protected TrainingRows()
    {
    }

    public abstract int FeatureCount { get; }

    /// <summary>Rows per epoch, when known.</summary>
    public abstract long? Count { get; }

    /// <summary>Rows held out of the source because their label or features were unusable (so far).</summary>
    public abstract long SkippedRows { get; }

    /// <summary>Rows in memory: each epoch a seeded permutation of them (or their order, without shuffling).</summary>
    public static TrainingRows InMemory(DenseDataset rows) => new InMemoryRows(rows);

    /// <summary>
    /// Rows of an IDataView with a "Features" vector and a "Label" (key or Single): each epoch a new cursor, fully
    /// shuffled where the view can (an ML.NET cache), through ML.NET's pool shuffle otherwise.
    /// </summary>
    public static TrainingRows Streamed(MLContext ml, IDataView view) => new DataViewRows(ml, view);

    /// <summary>The rows of epoch <paramref name="epoch"/>, in the order training should see them.</summary>
    internal abstract IRowReader OpenEpoch(int epoch, bool shuffle, int seed);

    /// <summary>Not HashCode.Combine: it is salted per process, and a seed must give the same order in every run.</summary>
    private protected static int EpochSeed(int seed, int epoch) => unchecked((seed * 1_000_003) + epoch);
}
