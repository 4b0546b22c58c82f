using System.Text.Json.Serialization;

namespace HybridSgd.Datasets.Tabular;

/// <summary>How the featurizer rescales the Features vector; fitted on the training rows only.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeatureNormalization>))]
public enum FeatureNormalization
{
    /// <summary>
    /// Chosen from the file's size when the featurizer is fitted (<see cref="NormalizationChoice"/>); a spec records
    /// the choice, never <c>Auto</c>.
    /// </summary>
    Auto,

    /// <summary>Each slot mapped linearly so the training minimum is 0 and the maximum 1.</summary>
    MinMax,

    /// <summary>Each slot shifted by the training mean and divided by the training standard deviation.</summary>
    MeanVariance,

    /// <summary>Values as they are (after missing-value replacement and one-hot encoding).</summary>
    None,
}
