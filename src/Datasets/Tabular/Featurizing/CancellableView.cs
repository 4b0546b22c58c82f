using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Datasets.Tabular.Featurizing;

/// <summary>
/// A view whose cursors end with <see cref="OperationCanceledException"/> once the token is cancelled: ML.NET's
/// Fit takes no token, and fitting a large file's featurizer (several passes over it) must not outlast a service's
/// stop. Everything else is the inner view's.
/// </summary>
internal sealed class CancellableView(IDataView inner, CancellationToken cancellationToken) : IDataView
{
    // Rows between looks at the token: a look is free, a stop is noticed within milliseconds.
    private const int RowsPerCheck = 1024;

    public bool CanShuffle => inner.CanShuffle;

    public DataViewSchema Schema => inner.Schema;

    public long? GetRowCount() => inner.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(inner.GetRowCursor(columnsNeeded, rand), cancellationToken);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        inner.GetRowCursorSet(columnsNeeded, n, rand).Select(c => (DataViewRowCursor)new Cursor(c, cancellationToken)).ToArray();

    /// <summary>
    /// Runs a fit over views made with <paramref name="cancellationToken"/>; a stop during it surfaces as
    /// <see cref="OperationCanceledException"/> (with ML.NET's exception inside): ML.NET's reading threads wrap the
    /// cursor's exception in an InvalidOperationException of their own.
    /// </summary>
    public static T Fitting<T>(Func<T> fit, CancellationToken cancellationToken)
    {
        try
        {
            return fit();
        }
        catch (Exception e) when (e is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("Stopped while ML.NET fitted the featurizer.", e, cancellationToken);
        }
    }

    private sealed class Cursor(DataViewRowCursor inner, CancellationToken cancellationToken) : DataViewRowCursor
    {
        private long _rows;

        public override DataViewSchema Schema => inner.Schema;

        public override long Position => inner.Position;

        public override long Batch => inner.Batch;

        public override bool IsColumnActive(DataViewSchema.Column column) => inner.IsColumnActive(column);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => inner.GetGetter<TValue>(column);

        public override ValueGetter<DataViewRowId> GetIdGetter() => inner.GetIdGetter();

        public override bool MoveNext()
        {
            if (++_rows % RowsPerCheck == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            return inner.MoveNext();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
