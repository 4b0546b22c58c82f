using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Pipeline.Data;

/// <summary>
/// Reads (features, class index) rows from an IDataView cursor into caller buffers. Rows whose key label is
/// missing (key value 0) are skipped and counted rather than guessed at.
/// </summary>
internal sealed class DataViewRowReader : IDisposable
{
    private readonly DataViewRowCursor _cursor;
    private readonly ValueGetter<uint> _label;
    private readonly ValueGetter<VBuffer<float>> _features;
    private VBuffer<float> _buffer;
    private uint _key;

    public DataViewRowReader(IDataView data, DataViewSchemaCheck schema, Random? cursorRandom)
    {
        var columns = new[] { data.Schema[DataColumns.Features], data.Schema[DataColumns.Label] };
        _cursor = cursorRandom is null ? data.GetRowCursor(columns) : data.GetRowCursor(columns, cursorRandom);
        _label = _cursor.GetGetter<uint>(data.Schema[DataColumns.Label]);
        _features = _cursor.GetGetter<VBuffer<float>>(data.Schema[DataColumns.Features]);
        ClassCount = schema.ClassCount;
    }

    public int ClassCount { get; }

    public long SkippedRows { get; private set; }

    public bool TryRead(Span<float> features, out int label)
    {
        while (_cursor.MoveNext())
        {
            _label(ref _key);
            if (_key == 0 || _key > ClassCount)
            {
                SkippedRows++;
                continue;
            }

            label = (int)_key - 1;
            _features(ref _buffer);
            CopyDense(_buffer, features);
            return true;
        }

        label = -1;
        return false;
    }

    public void Dispose() => _cursor.Dispose();

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
