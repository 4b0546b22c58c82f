using HybridSgd.Pipeline.Data;
using Microsoft.ML;

namespace HybridSgd.Datasets.Tabular.Featurizing;

/// <summary>
/// MapValueToKey turns a label it did not see in training (or a missing one) into key 0, which trainers and
/// evaluators quietly skip. Where no line-by-line scan could catch it (a holdout, an .idv file) this pass does.
/// </summary>
internal static class UnknownLabels
{
    /// <exception cref="DatasetFormatException">Some rows have key 0; the message counts them and names the first.</exception>
    public static void ThrowIfAny(IDataView featurized, string path, string part, IReadOnlyList<string> classNames)
    {
        var label = featurized.Schema[DataColumns.Label];
        long row = 0, count = 0, first = -1;
        using (var cursor = featurized.GetRowCursor([label]))
        {
            var getter = cursor.GetGetter<uint>(label);
            uint key = 0;
            while (cursor.MoveNext())
            {
                getter(ref key);
                if (key == 0 && count++ == 0)
                {
                    first = row;
                }

                row++;
            }
        }

        if (count > 0)
        {
            throw new DatasetFormatException(
                path,
                $"{count} row(s) of {part} have a missing label or one the training rows do not have (first: row {first + 1} of {part}); " +
                $"the classes are: {string.Join(", ", classNames)}. Remove those rows or train on data that has every class.",
                row: first);
        }
    }
}
