using HybridSgd.Datasets.Tabular;
using HybridSgd.Host.Service.Feeding;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Host.Service.Streaming;

/// <summary>
/// Reads one fed file segment by segment through a single ML.NET cursor: the file is opened with the service's
/// spec (<see cref="TabularDataset.LoadForScoring"/>: checked line by line first, so a bad line fails the file before
/// any of it is trained on, then read lazily by TextLoader and featurized), and each call takes the next rows.
/// </summary>
internal sealed class SegmentReader : IDisposable
{
    private readonly DataViewRowCursor _cursor;
    private readonly ValueGetter<VBuffer<float>> _features;
    private readonly ValueGetter<uint>? _key;
    private readonly ValueGetter<float>? _value;
    private VBuffer<float> _row;

    /// <exception cref="Datasets.DatasetFormatException">The file does not fit the spec; the message names the line.</exception>
    public SegmentReader(MLContext ml, TabularSpec spec, FeedFile file)
    {
        var view = TabularDataset.LoadForScoring(ml, spec, file.Path, requireLabel: true);
        var features = view.Schema[DataColumns.Features];
        var label = view.Schema[DataColumns.Label];
        _cursor = view.GetRowCursor([features, label]);
        _features = _cursor.GetGetter<VBuffer<float>>(features);
        if (spec.Task == LearningTask.Regression)
        {
            _value = _cursor.GetGetter<float>(label);
        }
        else
        {
            _key = _cursor.GetGetter<uint>(label);
        }
    }

    /// <summary>Rows read (or skipped over) so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Skips the rows a checkpoint says were consumed already; false if the file has fewer.</summary>
    public bool Skip(long rows)
    {
        while (Rows < rows)
        {
            if (!_cursor.MoveNext())
            {
                return false;
            }

            Rows++;
        }

        return true;
    }

    /// <summary>
    /// Fills <paramref name="buffer"/> from the next <paramref name="maxRows"/> rows (fewer at the end of the file);
    /// returns the rows consumed, 0 at the end. A row whose label is missing is consumed but not kept, and counted
    /// in <paramref name="skipped"/>.
    /// </summary>
    public int Read(SegmentBuffer buffer, int maxRows, out int skipped)
    {
        buffer.Clear();
        int consumed = 0;
        skipped = 0;
        while (consumed < maxRows && _cursor.MoveNext())
        {
            consumed++;
            Rows++;
            uint key = 0;
            float value = float.NaN;
            if (_key is not null)
            {
                _key(ref key);
            }
            else
            {
                _value!(ref value);
            }

            if (_key is not null ? key == 0 : !float.IsFinite(value))
            {
                skipped++;
                continue;
            }

            _features(ref _row);
            CopyDense(_row, buffer.NextFeatures());
            buffer.Commit(key, value);
        }

        return consumed;
    }

    public void Dispose() => _cursor.Dispose();

    private static void CopyDense(in VBuffer<float> source, float[] destination)
    {
        var values = source.GetValues();
        if (source.IsDense)
        {
            values.CopyTo(destination);
            return;
        }

        Array.Clear(destination);
        var indices = source.GetIndices();
        for (int i = 0; i < indices.Length; i++)
        {
            destination[indices[i]] = values[i];
        }
    }
}
