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

    public static DenseDataset FromDataView(IDataView data, int? maxRows = null)
    {
        var schema = DataViewSchemaCheck.Check(data.Schema);
        var features = new List<float>();
        var labels = new List<float>();
        using var reader = new DataViewRowReader(data, schema, cursorRandom: null);
        var row = new float[schema.FeatureCount];
        while ((maxRows is null || labels.Count < maxRows) && reader.TryRead(row, out float label))
        {
            features.AddRange(row);
            labels.Add(label);
        }

        return new DenseDataset(features.ToArray(), labels.ToArray(), schema.FeatureCount, reader.SkippedRows);
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
