using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Datasets;

/// <summary>
/// The sequential cursor of an <see cref="IdxDataView"/>. It opens only the files its active columns need
/// (a label-only pass never inflates the 26 MB of pixels), reads one record per <see cref="MoveNext"/>
/// into buffers it reuses, and converts pixels to floats only when the Features getter is called.
/// </summary>
internal sealed class IdxRowCursor : DataViewRowCursor
{
    private readonly IdxDataView _parent;
    private readonly bool[] _active;
    private readonly byte[] _label = new byte[1];
    private readonly byte[] _pixels;
    private IdxFile? _labels;
    private IdxFile? _images;
    private long _position = -1;
    private long _nextRow;
    private bool _finished;

    public IdxRowCursor(IdxDataView parent, bool[] active)
    {
        _parent = parent;
        _active = active;
        _pixels = active[IdxSchema.FeaturesIndex] ? new byte[parent.FeatureCount] : [];
        try
        {
            _labels = active[IdxSchema.LabelIndex] ? OpenUnchanged(parent.LabelsPath, parent.LabelsHeader) : null;
            _images = active[IdxSchema.FeaturesIndex] ? OpenUnchanged(parent.ImagesPath, parent.ImagesHeader) : null;
        }
        catch
        {
            CloseFiles();
            throw;
        }
    }

    public override DataViewSchema Schema => _parent.Schema;

    public override long Position => _position;

    /// <summary>Always 0: this view hands out a single cursor, never a parallel set.</summary>
    public override long Batch => 0;

    public override bool MoveNext()
    {
        if (_finished)
        {
            return false;
        }

        long row = _nextRow;
        if (row >= _parent.ImagesHeader.Count)
        {
            Finish();
            return false;
        }

        try
        {
            if (_labels is not null)
            {
                _labels.ReadRecord(_label, row);
                if (_label[0] >= _parent.ClassCount)
                {
                    throw new DatasetFormatException(
                        _labels.Path,
                        $"label {_label[0]} is out of range: expected 0..{_parent.ClassCount - 1}.",
                        row,
                        _labels.Header.OffsetOf(row));
                }
            }

            _images?.ReadRecord(_pixels, row);
        }
        catch
        {
            // The streams are now out of step with the row count; a cursor that carried on would lie.
            Finish();
            throw;
        }

        _position = row;
        _nextRow = row + 1;
        return true;
    }

    public override bool IsColumnActive(DataViewSchema.Column column)
    {
        IdxSchema.RequireColumnOf(Schema, column);
        return _active[column.Index];
    }

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        IdxSchema.RequireColumnOf(Schema, column);
        if (!_active[column.Index])
        {
            throw new InvalidOperationException(
                $"Column '{column.Name}' is not active in this cursor; include it in columnsNeeded when opening the cursor.");
        }

        Delegate getter = column.Index == IdxSchema.LabelIndex
            ? (ValueGetter<uint>)GetLabel
            : (ValueGetter<VBuffer<float>>)GetFeatures;
        if (getter is ValueGetter<TValue> typed)
        {
            return typed;
        }

        string expected = column.Index == IdxSchema.LabelIndex ? "uint" : "VBuffer<float>";
        throw new InvalidOperationException(
            $"Column '{column.Name}' has type {column.Type} and is read as {expected}, " +
            $"but a getter of {typeof(TValue)} was requested.");
    }

    public override ValueGetter<DataViewRowId> GetIdGetter()
        => (ref DataViewRowId value) =>
        {
            RequireRow();

            // The cursor never shuffles, so the row's index in the file is a unique, stable id.
            value = new DataViewRowId((ulong)_position, 0);
        };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Finish();
        }

        base.Dispose(disposing);
    }

    private void GetLabel(ref uint value)
    {
        RequireRow();

        // ML.NET keys are 1-based and 0 means "missing": class 0 must become key 1, or it is silently dropped.
        value = _label[0] + 1u;
    }

    private void GetFeatures(ref VBuffer<float> value)
    {
        RequireRow();

        // The editor reuses the caller's arrays when they are large enough, so steady-state reads allocate nothing.
        var editor = VBufferEditor.Create(ref value, _pixels.Length);
        Span<float> values = editor.Values;
        for (int i = 0; i < _pixels.Length; i++)
        {
            values[i] = _pixels[i] / 255f;
        }

        value = editor.Commit();
    }

    private void RequireRow()
    {
        if (_position < 0)
        {
            throw new InvalidOperationException("The cursor has no current row: call MoveNext() and check that it returned true.");
        }
    }

    private void Finish()
    {
        _finished = true;
        _position = -1;
        CloseFiles();
    }

    private void CloseFiles()
    {
        _labels?.Dispose();
        _labels = null;
        _images?.Dispose();
        _images = null;
    }

    private static IdxFile OpenUnchanged(string path, IdxHeader expected)
    {
        var file = IdxFile.Open(path, expected.Magic);
        if (file.Header != expected)
        {
            file.Dispose();
            throw new DatasetFormatException(
                path,
                $"the header changed after the data view was created: it was {expected} and is now {file.Header}.");
        }

        return file;
    }
}
