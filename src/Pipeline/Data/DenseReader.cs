using Microsoft.ML;

namespace HybridSgd.Pipeline.Data;

/// <summary>
/// Reads an IDataView's rows into memory a block at a time through one cursor: how a file larger than memory is
/// trained on segment by segment. Counts the rows it has passed, usable or skipped, so a caller can resume exactly.
/// </summary>
public sealed class DenseReader : ISegmentReader
{
    private readonly DataViewRowReader _reader;

    /// <param name="view">A "Features" vector column and a "Label" (key or Single).</param>
    public DenseReader(IDataView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var schema = DataViewSchemaCheck.Check(view.Schema);
        FeatureCount = schema.FeatureCount;
        _reader = new DataViewRowReader(view, schema, cursorRandom: null);
    }

    public int FeatureCount { get; }

    /// <summary>Rows passed so far, usable or skipped.</summary>
    public long Consumed => _reader.Consumed;

    /// <summary>Moves past <paramref name="rows"/> rows without reading them; false when the view ends first.</summary>
    public bool Skip(long rows) => _reader.Skip(rows);

    /// <summary>The next rows, passing at most <paramref name="maxRows"/> (unusable ones skipped and counted in the block).</summary>
    public DenseDataset Read(long maxRows) => DenseDataset.Read(_reader, FeatureCount, _reader.Consumed + maxRows);

    public void Dispose() => _reader.Dispose();
}
