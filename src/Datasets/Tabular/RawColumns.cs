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

    public static string Feature(string name) => name == DataColumns.Label ? name + RenamedSuffix : name;
}
