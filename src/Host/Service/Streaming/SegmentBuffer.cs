using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Host.Service.Streaming;

/// <summary>
/// One segment's featurized rows in memory, as an ML.NET view the trainer can shuffle fully. Its size is capped by
/// <c>Service:SegmentRows</c>, which is what bounds the service's memory however large a file is; the row arrays
/// are reused from segment to segment.
/// </summary>
internal sealed class SegmentBuffer
{
    private readonly MLContext _ml;
    private readonly int _featureCount;
    private readonly int _classCount;
    private readonly List<Row> _pool = [];
    private readonly SchemaDefinition _schema;

    /// <param name="classCount">Classes of a key label; 0 for a regression (Single) label.</param>
    public SegmentBuffer(MLContext ml, int featureCount, int classCount)
    {
        _ml = ml;
        _featureCount = featureCount;
        _classCount = classCount;
        _schema = SchemaDefinition.Create(classCount > 0 ? typeof(KeyRow) : typeof(ValueRow));
        _schema[DataColumns.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        if (classCount > 0)
        {
            _schema[DataColumns.Label].ColumnType = new KeyDataViewType(typeof(uint), classCount);
        }
    }

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    /// <summary>The next row's feature slots, to be filled by the caller, then <see cref="Commit"/>.</summary>
    public float[] NextFeatures()
    {
        if (Count == _pool.Count)
        {
            _pool.Add(_classCount > 0 ? new KeyRow { Features = new float[_featureCount] } : new ValueRow { Features = new float[_featureCount] });
        }

        return _pool[Count].Features;
    }

    /// <param name="key">Classification: the label key (1-based, as ML.NET's views hold it; never 0, the missing key).</param>
    /// <param name="value">Regression: the label value.</param>
    public void Commit(uint key, float value)
    {
        switch (_pool[Count])
        {
            case KeyRow row:
                // A key member of a class loaded by LoadFromEnumerable is zero-based: ML.NET adds 1 when it reads it.
                row.Label = key - 1;
                break;
            case ValueRow row:
                row.Label = value;
                break;
        }

        Count++;
    }

    /// <summary>The rows held now; valid until the buffer is cleared (so one segment is trained at a time).</summary>
    public IDataView ToDataView() => _classCount > 0
        ? _ml.Data.LoadFromEnumerable(_pool.Take(Count).Cast<KeyRow>().ToList(), _schema)
        : _ml.Data.LoadFromEnumerable(_pool.Take(Count).Cast<ValueRow>().ToList(), _schema);

    // Public with settable properties: what ML.NET's LoadFromEnumerable maps to columns. A list view of them can
    // hand out random-order cursors, so each segment is shuffled completely, not through a pool.
    internal abstract class Row
    {
        public float[] Features { get; set; } = [];
    }

    internal sealed class KeyRow : Row
    {
        public uint Label { get; set; }
    }

    internal sealed class ValueRow : Row
    {
        public float Label { get; set; }
    }
}
