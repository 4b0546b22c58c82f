using Microsoft.ML;

namespace HybridSgd.Tests.Support;

/// <summary>Passes an IDataView through, calling a hook each time a cursor is opened (once per epoch).</summary>
internal sealed class CursorHookDataView(IDataView inner, Action<int> onCursorOpened) : IDataView
{
    private int _cursors;

    public bool CanShuffle => false;

    public DataViewSchema Schema => inner.Schema;

    public long? GetRowCount() => inner.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        onCursorOpened(++_cursors);
        return inner.GetRowCursor(columnsNeeded, rand);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
