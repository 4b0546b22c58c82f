using Microsoft.ML;

namespace HybridSgd.Pipeline.Data;

/// <summary>
/// An evaluation set held in memory as one row-major matrix. Training data is streamed; the test set is scored
/// every few seconds, and re-reading it through a cursor each time would cost more than the scoring itself.
/// </summary>
public sealed class DenseDataset
{
    private DenseDataset(float[] features, float[] labels, int featureCount, long skippedRows)
    {
        SkippedRows = skippedRows;
        Features = features;
        Labels = labels;
        FeatureCount = featureCount;
    }

    public int Count => Labels.Length;

    public int FeatureCount { get; }

    /// <summary>Rows of the source left out: label missing (or unseen) or features not all finite.</summary>
    public long SkippedRows { get; }

    public float[] Features { get; }

    /// <summary>Class index (classifiers) or value (regression) of each row, as in <see cref="Minibatch.Labels"/>.</summary>
    public float[] Labels { get; }

    public ReadOnlySpan<float> Row(int index) => Features.AsSpan(index * FeatureCount, FeatureCount);

    /// <summary>Rows already in memory, row-major (taken as they are, not copied).</summary>
    internal static DenseDataset FromRows(float[] features, float[] labels, int featureCount)
    {
        if (features.Length != labels.Length * featureCount)
        {
            throw new ArgumentException($"{labels.Length} rows of {featureCount} features need {labels.Length * featureCount} values, got {features.Length}.", nameof(features));
        }

        return new DenseDataset(features, labels, featureCount, 0);
    }

    /// <summary>Every row of <paramref name="data"/> (or the first <paramref name="maxRows"/>), in one pass.</summary>
    public static DenseDataset FromDataView(IDataView data, int? maxRows = null)
    {
        var schema = DataViewSchemaCheck.Check(data.Schema);
        using var reader = new DataViewRowReader(data, schema, cursorRandom: null);

        // Sized from the row count when the view knows it (a cache does): no growing copies of a large matrix.
        return Read(reader, schema.FeatureCount, maxRows ?? long.MaxValue, data.GetRowCount());
    }

    /// <summary>
    /// The next rows of <paramref name="reader"/> until its <see cref="DataViewRowReader.Consumed"/> count reaches
    /// <paramref name="consumedLimit"/> (usable rows kept, unusable ones skipped and counted) or the view ends.
    /// </summary>
    internal static DenseDataset Read(DataViewRowReader reader, int width, long consumedLimit, long? capacityHint = null)
    {
        long skippedBefore = reader.SkippedRows;
        long capacity = Math.Min(capacityHint ?? 1024, Math.Max(0, consumedLimit - reader.Consumed));
        var features = new float[checked((int)(capacity * width))];
        var labels = new float[capacity];
        int count = 0;
        while (true)
        {
            if (count == labels.Length)
            {
                Array.Resize(ref labels, Math.Max(64, labels.Length * 2));
                Array.Resize(ref features, labels.Length * width);
            }

            if (!reader.TryRead(features.AsSpan(count * width, width), out labels[count], consumedLimit))
            {
                break;
            }

            count++;
        }

        if (count < labels.Length)
        {
            Array.Resize(ref labels, count);
            Array.Resize(ref features, count * width);
        }

        return new DenseDataset(features, labels, width, reader.SkippedRows - skippedBefore);
    }

    /// <summary>
    /// A seeded random <paramref name="fraction"/> of the rows (at least one, if there are two or more) held out, and
    /// the rest, both in their original order.
    /// </summary>
    public (DenseDataset Kept, DenseDataset HeldOut) Split(double fraction, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fraction, 1);
        int held = Count < 2 || fraction == 0 ? 0 : Math.Clamp((int)Math.Round(Count * fraction), 1, Count - 1);
        if (held == 0)
        {
            return (this, Take([]));
        }

        var order = Enumerable.Range(0, Count).ToArray();
        new Random(seed).Shuffle(order);
        var heldOut = order.AsSpan(0, held).ToArray();
        Array.Sort(heldOut);
        var isHeld = new bool[Count];
        foreach (int row in heldOut)
        {
            isHeld[row] = true;
        }

        return (Take(Enumerable.Range(0, Count).Where(r => !isHeld[r]).ToArray()), Take(heldOut));
    }

    private DenseDataset Take(int[] rows)
    {
        var features = new float[rows.Length * FeatureCount];
        var labels = new float[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            Row(rows[i]).CopyTo(features.AsSpan(i * FeatureCount, FeatureCount));
            labels[i] = Labels[rows[i]];
        }

        return new DenseDataset(features, labels, FeatureCount, 0);
    }

    /// <summary>Rows [start, start + count) as a minibatch, for reference computations in tests and baselines.</summary>
    public Minibatch Slice(int start, int count)
    {
        var batch = new Minibatch(count, FeatureCount) { Count = count };
        Features.AsSpan(start * FeatureCount, count * FeatureCount).CopyTo(batch.Features);
        Labels.AsSpan(start, count).CopyTo(batch.Labels);
        return batch;
    }
}
