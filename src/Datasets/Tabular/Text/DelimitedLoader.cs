using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Datasets.Tabular.Text;

/// <summary>Builds the TextLoader that reads the validated columns of a delimited file, by index.</summary>
internal static class DelimitedLoader
{
    /// <param name="featureIndices">Where each of <paramref name="features"/> is in the file.</param>
    /// <param name="label">The label's name, kind and place in the file, when it is read.</param>
    public static IDataView Load(
        MLContext ml, string path, char separator, RawFeatureLayout layout, IReadOnlyList<TabularColumn> features, IReadOnlyList<int> featureIndices,
        (string Name, TabularColumnKind Kind, int Index)? label)
        => ml.Data.LoadFromTextFile(path, Options(separator, layout, features, featureIndices, label));

    /// <summary>The loader's options, shared with the service's row reader (which checks itself against them).</summary>
    public static TextLoader.Options Options(
        char separator, RawFeatureLayout layout, IReadOnlyList<TabularColumn> features, IReadOnlyList<int> featureIndices,
        (string Name, TabularColumnKind Kind, int Index)? label)
    {
        var columns = layout == RawFeatureLayout.NumericVector
            ? [new TextLoader.Column(RawColumns.NumericFeatures, DataKind.Single, featureIndices.Select(i => new TextLoader.Range(i)).ToArray())]
            : features.Select((f, k) => Column(RawColumns.Feature(f.Name), f.Kind, featureIndices[k])).ToList();
        if (label is var (name, kind, index))
        {
            columns.Add(Column(name, kind, index));
        }

        return new()
        {
            Separators = [separator],
            HasHeader = true,
            AllowQuoting = true,
            TrimWhitespace = true,

            // Without this an empty numeric field reads as 0, a real value, and ReplaceMissingValues never sees it.
            MissingRealsAsNaNs = true,
            Columns = columns.ToArray(),
        };
    }

    public static TabularFormat FormatOf(char separator) => separator == '\t' ? TabularFormat.Tsv : TabularFormat.Csv;

    private static TextLoader.Column Column(string name, TabularColumnKind kind, int index) =>
        new(name, kind == TabularColumnKind.Text ? DataKind.String : DataKind.Single, index);
}
