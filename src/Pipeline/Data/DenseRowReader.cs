namespace HybridSgd.Pipeline.Data;

/// <summary>
/// An epoch over rows already in memory, in a given order: a copy per row and nothing else. It is what makes an
/// in-memory epoch cheap — reading the same rows through an ML.NET cache's shuffled cursor costs about half a
/// softmax gradient per minibatch (docs/BENCHMARKS.md), and the loader is a single thread feeding every worker.
/// </summary>
internal sealed class DenseRowReader(DenseDataset rows, int[]? order) : IRowReader
{
    private int _next;

    /// <summary>Rows were checked when they were loaded into memory; none is skipped here.</summary>
    public long SkippedRows => 0;

    /// <summary>A random order (Fisher–Yates, seeded) or, with no <paramref name="random"/>, the stored order.</summary>
    public static DenseRowReader Open(DenseDataset rows, Random? random)
    {
        if (random is null)
        {
            return new DenseRowReader(rows, null);
        }

        var order = new int[rows.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        random.Shuffle(order);
        return new DenseRowReader(rows, order);
    }

    public bool TryRead(Span<float> features, out float label)
    {
        if (_next >= rows.Count)
        {
            label = float.NaN;
            return false;
        }

        int row = order is null ? _next : order[_next];
        _next++;
        rows.Row(row).CopyTo(features);
        label = rows.Labels[row];
        return true;
    }

    public void Dispose()
    {
    }
}
