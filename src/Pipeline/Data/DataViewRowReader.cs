using System.Numerics.Tensors;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Pipeline.Data;

/// <summary>
/// Reads (features, label) rows from an IDataView cursor into caller buffers: a key label becomes its zero-based
/// class index, a Single label is the regression target. Rows whose label is missing (key 0, or NaN) or whose features
/// are not all finite are skipped and counted rather than guessed at. The one cursor → dense copy of the code
/// base: the loader's epochs, the in-memory sets and the service's segments all read through it.
/// </summary>
internal sealed class DataViewRowReader : IRowReader
{
    private readonly DataViewRowCursor _cursor;
    private readonly ValueGetter<uint>? _key;
    private readonly ValueGetter<float>? _value;
    private readonly ValueGetter<VBuffer<float>> _features;
    private readonly int _classCount;
    private VBuffer<float> _buffer;

    public DataViewRowReader(IDataView data, DataViewSchemaCheck schema, Random? cursorRandom)
    {
        var label = data.Schema[DataColumns.Label];
        var columns = new[] { data.Schema[DataColumns.Features], label };
        _cursor = cursorRandom is null ? data.GetRowCursor(columns) : data.GetRowCursor(columns, cursorRandom);
        _classCount = schema.ClassCount;
        if (schema.IsRegression)
        {
            _value = _cursor.GetGetter<float>(label);
        }
        else
        {
            _key = _cursor.GetGetter<uint>(label);
        }

        _features = _cursor.GetGetter<VBuffer<float>>(data.Schema[DataColumns.Features]);
    }

    public long SkippedRows { get; private set; }

    /// <summary>Rows the cursor has passed so far, usable or skipped.</summary>
    public long Consumed { get; private set; }

    /// <summary>Moves past <paramref name="rows"/> rows without reading them; false when the view ends first.</summary>
    public bool Skip(long rows)
    {
        for (long i = 0; i < rows; i++)
        {
            if (!_cursor.MoveNext())
            {
                return false;
            }

            Consumed++;
        }

        return true;
    }

    public bool TryRead(Span<float> features, out float label) => TryRead(features, out label, long.MaxValue);

    /// <summary>As <see cref="TryRead(Span{float}, out float)"/>, passing no row beyond <see cref="Consumed"/> = <paramref name="limit"/>.</summary>
    public bool TryRead(Span<float> features, out float label, long limit)
    {
        while (Consumed < limit && _cursor.MoveNext())
        {
            Consumed++;
            if (!TryReadLabel(out label))
            {
                SkippedRows++;
                continue;
            }

            _features(ref _buffer);
            CopyDense(_buffer, features);

            // A NaN or infinity in the input would make every gradient it touches non-finite; the aggregator would
            // then skip whole updates again and again. Such a row is dropped here, once, and counted.
            if (!TensorPrimitives.IsFiniteAll<float>(features))
            {
                SkippedRows++;
                continue;
            }

            return true;
        }

        label = float.NaN;
        return false;
    }

    public void Dispose() => _cursor.Dispose();

    private bool TryReadLabel(out float label)
    {
        if (_value is not null)
        {
            label = 0;
            _value(ref label);
            return float.IsFinite(label);
        }

        uint key = 0;
        _key!(ref key);
        label = key - 1f;
        return key != 0 && key <= _classCount;
    }

    private static void CopyDense(in VBuffer<float> source, Span<float> destination)
    {
        var values = source.GetValues();
        if (source.IsDense)
        {
            values.CopyTo(destination);
            return;
        }

        destination.Clear();
        var indices = source.GetIndices();
        for (int i = 0; i < indices.Length; i++)
        {
            destination[indices[i]] = values[i];
        }
    }
}
