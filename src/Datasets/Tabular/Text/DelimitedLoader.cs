using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Datasets.Tabular.Text;

/// <summary>Builds the TextLoader that reads the validated columns of a delimited file, by index.</summary>
internal static class DelimitedLoader
{
    public static IDataView Load(MLContext ml, string path, char separator, IEnumerable<(string Name, TabularColumnKind Kind, int Index)> columns)
        => ml.Data.LoadFromTextFile(path, Options(separator, columns));

    /// <summary>The loader's options, shared with the service's row reader (which checks itself against them).</summary>
    public static TextLoader.Options Options(char separator, IEnumerable<(string Name, TabularColumnKind Kind, int Index)> columns)
        => new()
        {
            Separators = [separator],
            HasHeader = true,
            AllowQuoting = true,
            TrimWhitespace = true,

            // Without this an empty numeric field reads as 0, a real value, and ReplaceMissingValues never sees it.
            MissingRealsAsNaNs = true,
            Columns = columns
                .Select(c => new TextLoader.Column(c.Name, c.Kind == TabularColumnKind.Text ? DataKind.String : DataKind.Single, c.Index))
                .ToArray(),
        };

    public static TabularFormat FormatOf(char separator) => separator == '\t' ? TabularFormat.Tsv : TabularFormat.Csv;
}
