using System.Text.Json.Serialization;

namespace HybridSgd.Datasets.Tabular;

/// <summary>What a raw column holds, which decides how it is read and featurized.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TabularColumnKind>))]
public enum TabularColumnKind
{
    /// <summary>One number per row (missing values replaced by the training mean).</summary>
    Numeric,

    /// <summary>A known-size vector of numbers per row (SVMlight features, vector columns of an .idv file).</summary>
    Vector,

    /// <summary>Text: a label's class name, or a feature that is one-hot encoded over the training values.</summary>
    Text,
}
