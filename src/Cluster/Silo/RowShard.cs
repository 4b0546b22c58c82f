using HybridSgd.Pipeline.Data;

namespace HybridSgd.Cluster.Silo;

/// <summary>
/// The deterministic split of a job's rows over its silos: silo s of S takes rows s, s + S, s + 2S, … in their
/// order. Every silo computes its own shard from the same rows and its index, with nothing to coordinate, and the
/// shards are disjoint, cover every row and differ in size by at most one row.
/// </summary>
public static class RowShard
{
    public static DenseDataset Of(DenseDataset rows, int shard, int shards)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, shards);

        int count = rows.Count <= shard ? 0 : ((rows.Count - shard - 1) / shards) + 1;
        if (count == 0)
        {
            throw new ArgumentException($"Shard {shard} of {shards} of {rows.Count} rows is empty: use fewer silos than rows.", nameof(rows));
        }

        int width = rows.FeatureCount;
        var features = new float[count * width];
        var labels = new float[count];
        for (int i = 0; i < count; i++)
        {
            int row = shard + (i * shards);
            rows.Row(row).CopyTo(features.AsSpan(i * width, width));
            labels[i] = rows.Labels[row];
        }

        return DenseDataset.FromRows(features, labels, width);
    }
}
