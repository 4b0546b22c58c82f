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
    internal static DenseDataset FromRows(float[] features, float[] labels, int featureCount, long skippedRows = 0)
    {
        if (features.Length != labels.Length * featureCount)
        {
            throw new ArgumentException($"{labels.Length} rows of {featureCount} features need {labels.Length * featureCount} values, got {features.Length}.", nameof(features));
        }

        return new DenseDataset(features, labels, featureCount, skippedRows);
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
        var isHeld = HeldOutMask(Count, fraction, seed, out int held);
        if (held == 0)
        {
            return (this, Take([]));
        }

        return (Take(Enumerable.Range(0, Count).Where(r => !isHeld[r]).ToArray()), Take(Enumerable.Range(0, Count).Where(r => isHeld[r]).ToArray()));
    }

    /// <summary>
    /// Every row of <paramref name="data"/>, split exactly as <c>FromDataView(data).Split(fraction, seed)</c> splits
    /// it, with each row read straight into its side: the rows are held once. Reading first and splitting after held
    /// them twice at the peak (2 × 188 MB for Fashion-MNIST's training set, issue 13).
    /// </summary>
    /// <remarks>
    /// The split is a function of the usable row count, so it can be laid out before reading only when the view
    /// knows its count and no row turns out unusable; otherwise (a filtered view, a row with a missing label) this
    /// falls back to reading, then splitting, and the result is the same.
    /// </remarks>
    public static (DenseDataset Kept, DenseDataset HeldOut) FromDataViewSplit(IDataView data, double fraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.GetRowCount() is not { } known || known > Array.MaxLength)
        {
            return FromDataView(data).Split(fraction, seed);
        }

        // On a mismatch the half-filled arrays are dropped before the second read, so even the fallback holds one copy
        // at a time beside the rows it reads.
        return TryReadSplit(data, (int)known, fraction, seed) ?? FromDataView(data).Split(fraction, seed);
    }

    private static (DenseDataset Kept, DenseDataset HeldOut)? TryReadSplit(IDataView data, int count, double fraction, int seed)
    {
        var isHeld = HeldOutMask(count, fraction, seed, out int held);
        var schema = DataViewSchemaCheck.Check(data.Schema);
        int width = schema.FeatureCount;
        var kept = new DenseDataset(new float[checked((count - held) * width)], new float[count - held], width, 0);
        var heldOut = new DenseDataset(new float[checked(held * width)], new float[held], width, 0);
        using var reader = new DataViewRowReader(data, schema, cursorRandom: null);
        int keptRows = 0, heldRows = 0;
        for (int row = 0; row < count; row++)
        {
            var (side, index) = isHeld[row] ? (heldOut, heldRows++) : (kept, keptRows++);
            if (!reader.TryRead(side.Features.AsSpan(index * width, width), out side.Labels[index]) || reader.SkippedRows > 0)
            {
                return null;
            }
        }

        // One more read must find the end: a view that under-reports its count was not split by the count it has.
        return reader.TryRead(new float[width], out _) || reader.SkippedRows > 0 ? null : (kept, heldOut);
    }

    /// <summary>Which of <paramref name="count"/> rows a split holds out: a seeded shuffle's first <paramref name="held"/>.</summary>
    private static bool[] HeldOutMask(int count, double fraction, int seed, out int held)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fraction, 1);
        held = count < 2 || fraction == 0 ? 0 : Math.Clamp((int)Math.Round(count * fraction), 1, count - 1);
        var isHeld = new bool[count];
        if (held == 0)
        {
            return isHeld;
        }

        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        foreach (int row in order.AsSpan(0, held))
        {
            isHeld[row] = true;
        }

        return isHeld;
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
