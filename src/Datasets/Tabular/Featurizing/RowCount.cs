using Microsoft.ML;

namespace HybridSgd.Datasets.Tabular.Featurizing;

/// <summary>The number of rows of a view: known for some loaders, otherwise counted with no column active.</summary>
internal static class RowCount
{
    public static long Of(IDataView view)
    {
        if (view.GetRowCount() is { } known)
        {
            return known;
        }

        long count = 0;
        using var cursor = view.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            count++;
        }

        return count;
    }
}
