using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>
/// A file whose every line the scan found plain, with numeric features, as the raw columns TextLoader would give with
/// <see cref="RawFeatureLayout.NumericVector"/> (the features as one vector of Single, NaN where a field is empty; the
/// label as Single or text), for ML.NET to fit the featurizer from.
/// Each cursor streams the file a batch of lines at a time, parsed in parallel by <see cref="PlainRows"/>: a fitted
/// transform's pass costs what the service's own read costs, and only one batch is held, not the file. Rows come in
/// file order, so a seeded TrainTestSplit over this view picks the rows it picks over TextLoader's.
/// </summary>
internal sealed class PlainRowsView(DataViewSchema schema, PlainRows.Layout layout, long rows, ReadBuffers buffers) : IDataView
{
    private const int LinesPerBatch = 4096;

    // The schema's columns: the features vector, then the label.
    private const int FeaturesColumn = 0;

    internal PlainRows.Layout Layout => layout;

    internal ReadBuffers Buffers => buffers;

    public bool CanShuffle => false;

    public DataViewSchema Schema => schema;

    public long? GetRowCount() => rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Any(c => c.Index == FeaturesColumn));

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly PlainRowsView _view;
        private readonly PlainRows.Batch _batch;
        private readonly LineSource _lines;
        private readonly bool _features;
        private int _index = -1;
        private long _position = -1;

        /// <param name="features">Whether any feature is read: the label's own fit reads only the label, and then the
        /// features of a line are not parsed (its fields are still counted).</param>
        public Cursor(PlainRowsView view, bool features)
        {
            _view = view;
            _features = features;
            _batch = new PlainRows.Batch(view.Layout, LinesPerBatch, features, view.Buffers.Batches);
            _lines = new LineSource(view.Layout.Header.Path, view.Buffers.Lines);
            _lines.Next(out _, out _, CancellationToken.None); // the header
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        // A consumer that takes a getter for every active column (ML.NET's parallel splitter does) must not be handed
        // the features of lines whose features were not parsed.
        public override bool IsColumnActive(DataViewSchema.Column column) => column.Index != FeaturesColumn || _features;

        public override bool MoveNext()
        {
            if (++_index >= _batch.Count)
            {
                if (_batch.Fill(_lines) == 0)
                {
                    return false;
                }

                _index = 0;
            }

            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            int width = _view.Layout.Width;
            Delegate getter = column.Index == FeaturesColumn
                ? (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
                {
                    var editor = VBufferEditor.Create(ref value, width);
                    _batch.Features.AsSpan(_index * width, width).CopyTo(editor.Values);
                    value = editor.Commit();
                })
                : _view.Layout.TextLabel
                    ? (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = _batch.TextLabels[_index].AsMemory())
                    : (ValueGetter<float>)((ref float value) => value = _batch.NumericLabels[_index]);
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}.");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _lines.Dispose();
                _batch.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
