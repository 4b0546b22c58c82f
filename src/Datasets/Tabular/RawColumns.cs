using HybridSgd.Pipeline.Data;

namespace HybridSgd.Datasets.Tabular;

/// <summary>
/// The names raw columns get inside ML.NET views. The label transform runs before the feature transform and
/// writes <c>Label</c>; a feature column that is itself called "Label" would be hidden by it, so text loaders read
/// such a column under another name.
/// </summary>
internal static class RawColumns
{
    public const string RenamedSuffix = "#feature";

    /// <summary>An internal column: the label converted to Single before it is mapped to a key.</summary>
    public const string LabelValue = "HybridSgd.LabelValue";

    /// <summary>The vector of every numeric feature of a delimited file read with <see cref="RawFeatureLayout.NumericVector"/>.</summary>
    public const string NumericFeatures = "HybridSgd.NumericFeatures";

    public static string Feature(string name) => name == DataColumns.Label ? name + RenamedSuffix : name;

    /// <summary>The raw feature columns the feature transform reads, by name and kind, for <paramref name="features"/> read with <paramref name="layout"/>.</summary>
    public static IReadOnlyList<TabularColumn> Of(IReadOnlyList<TabularColumn> features, RawFeatureLayout layout) =>
        layout == RawFeatureLayout.NumericVector
            ? [new TabularColumn(NumericFeatures, TabularColumnKind.Vector, features.Count)]
            : features.Select(f => new TabularColumn(Feature(f.Name), f.Kind)).ToList();

    /// <summary>The layout a delimited file with <paramref name="features"/> is read with: one vector when they are all numbers.</summary>
    public static RawFeatureLayout LayoutFor(IReadOnlyList<TabularColumn> features) =>
        features.All(f => f.Kind == TabularColumnKind.Numeric) ? RawFeatureLayout.NumericVector : RawFeatureLayout.ColumnPerFeature;
}
