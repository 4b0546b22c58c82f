using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Datasets.Tabular.Featurizing;

/// <summary>
/// A handful of rows held in memory, with the raw label and the numeric features vector of a file's view: what the
/// estimators of <see cref="OnePassFit"/> are fitted on. Written out rather than built with LoadFromEnumerable, whose
/// first use in a process generates code by reflection (a third of a second measured on a service's start).
/// </summary>
internal sealed class StatisticRows<TLabel> : IDataView
{
    private readonly IReadOnlyList<(TLabel Label, float[] Features)> _rows;

    public StatisticRows(string labelName, DataViewType labelType, string featuresName, int slots, IReadOnlyList<(TLabel Label, float[] Features)> rows)
    {
        var schema = new DataViewSchema.Builder();
        schema.AddColumn(labelName, labelType);
        schema.AddColumn(featuresName, new VectorDataViewType(NumberDataViewType.Single, slots));
        Schema = schema.ToSchema();
        _rows = rows;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows.Count;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor(StatisticRows<TLabel> view) : DataViewRowCursor
    {
        private int _position = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override bool MoveNext() => ++_position < view._rows.Count;

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = column.Index == 0
                ? (ValueGetter<TLabel>)((ref TLabel value) => value = view._rows[_position].Label)
                : (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
                {
                    float[] features = view._rows[_position].Features;
                    var editor = VBufferEditor.Create(ref value, features.Length);
                    features.CopyTo(editor.Values);
                    value = editor.Commit();
                });
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}.");
        }
    }
}
