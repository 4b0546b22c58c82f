using HybridSgd.Datasets.Tabular.Inference;
using Microsoft.ML;

namespace HybridSgd.Datasets.Tabular;

/// <summary>A training file opened by its loader and validated, before any featurizing.</summary>
/// <param name="Path">The file.</param>
/// <param name="Data">The raw columns as ML.NET reads them (names from <see cref="RawColumns"/>).</param>
/// <param name="Format">The file's format.</param>
/// <param name="Separator">The separator of delimited text, else null.</param>
/// <param name="ZeroBasedIndices">SVMlight: indices start at 0.</param>
/// <param name="Label">The label column's name in the file.</param>
/// <param name="Features">The feature columns in the file.</param>
/// <param name="Profile">What the label's values look like, for task inference.</param>
/// <param name="Rows">The number of data rows, when the validation pass counted them.</param>
internal sealed record RawTable(
    string Path,
    IDataView Data,
    TabularFormat Format,
    string? Separator,
    bool ZeroBasedIndices,
    string Label,
    IReadOnlyList<TabularColumn> Features,
    LabelProfile Profile,
    long? Rows)
{
    /// <summary>How the features are read: <see cref="RawFeatureLayout.NumericVector"/> only for delimited text whose features are all numbers.</summary>
    public RawFeatureLayout Layout { get; init; } = RawFeatureLayout.ColumnPerFeature;
}
