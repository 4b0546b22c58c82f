using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>
/// The raw columns of a file held in memory, as TextLoader would give them (a Single per numeric feature, NaN where
/// a field is empty; the label as Single or text), for ML.NET to fit the featurizer from without parsing the file
/// once per fitted transform. Rows come in file order, so a seeded TrainTestSplit over it picks the rows it picks over
/// TextLoader's view of the same file.
/// </summary>
internal sealed class PlainRowsView : IDataView
{
    private readonly float[] _features;
    private readonly int _featureCount;
    private readonly float[]? _numericLabels;
    private readonly ReadOnlyMemory<char>[]? _textLabels;
    private readonly long _rows;

    public PlainRowsView(DataViewSchema schema, float[] features, int featureCount, float[]? numericLabels, ReadOnlyMemory<char>[]? textLabels, long rows)
    {
        Schema = schema;
        _features = features;
        _featureCount = featureCount;
        _numericLabels = numericLabels;
        _textLabels = textLabels;
        _rows = rows;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor(PlainRowsView view) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override bool MoveNext() => ++_position < view._rows;

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = column.Index < view._featureCount
                ? Feature(column.Index)
                : view._numericLabels is { } numbers
                    ? (ValueGetter<float>)((ref float value) => value = numbers[_position])
                    : (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = view._textLabels![_position]);
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}.");
        }

        private ValueGetter<float> Feature(int index) => (ref float value) => value = view._features[(_position * view._featureCount) + index];
    }
}
