using System.Text.Json.Serialization;
using HybridSgd.Pipeline.Data;

namespace HybridSgd.Datasets.Tabular;

/// <summary>
/// Everything needed to read and featurize a new file exactly as the training file was: the format, the columns by
/// name, the task and classes, and the fitted ML.NET transformers. Stored in the model file's JSON header, so it is
/// plain data that round-trips through <see cref="System.Text.Json.JsonSerializer"/> with default options.
/// </summary>
/// <remarks>
/// The label transform and the feature transform are kept apart because a file to predict on may have no label
/// column: the feature transform must apply without it.
/// </remarks>
public sealed record TabularSpec
{
    /// <summary>Bumped when the meaning of a field changes, so an old model file can be refused clearly.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The format of the training file; files to score must have the same format.</summary>
    public required TabularFormat Format { get; init; }

    /// <summary>The separator of delimited text ("," "\t" ";"); null for SVMlight and .idv.</summary>
    public string? Separator { get; init; }

    /// <summary>SVMlight only: feature indices in the file start at 0 (otherwise 1).</summary>
    public bool ZeroBasedIndices { get; init; }

    /// <summary>The label column as the file names it (<c>Label</c> for SVMlight).</summary>
    public required string Label { get; init; }

    /// <summary>The label's raw kind: numeric or text (class names).</summary>
    public required TabularColumnKind LabelKind { get; init; }

    /// <summary>The raw feature columns, in the order their values are concatenated into <c>Features</c>.</summary>
    public required IReadOnlyList<TabularColumn> Features { get; init; }

    /// <summary>How a delimited file's features are read into ML.NET; specs written before there was a choice read a column per feature.</summary>
    public RawFeatureLayout RawLayout { get; init; } = RawFeatureLayout.ColumnPerFeature;

    /// <summary>The learning task.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<LearningTask>))]
    public required LearningTask Task { get; init; }

    /// <summary>Why this task: what the label looked like, or that it was asked for.</summary>
    public required string TaskReason { get; init; }

    /// <summary>The label value of each class in key order (key k is <c>ClassNames[k - 1]</c>); empty for regression.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>The length of the <c>Features</c> vector.</summary>
    public required int FeatureCount { get; init; }

    /// <summary>The slot names of <c>Features</c> where ML.NET knows them (for example "age", "color.red").</summary>
    public IReadOnlyList<string> FeatureNames { get; init; } = [];

    /// <summary>The normalization kind.</summary>
    public required FeatureNormalization Normalization { get; init; }

    /// <summary>Per slot, the value subtracted before scaling (normalized = (x - offset) * scale); for people reading the file.</summary>
    public IReadOnlyList<float> NormalizationOffsets { get; init; } = [];

    /// <summary>Per slot, the factor applied after the offset; for people reading the file.</summary>
    public IReadOnlyList<float> NormalizationScales { get; init; } = [];

    /// <summary>The fitted label transformer (raw label to key, or to Single), saved by <c>ml.Model.Save</c>, base64.</summary>
    public required string LabelTransform { get; init; }

    /// <summary>The fitted feature transformer (missing values, one-hot, concatenate, normalize), saved by <c>ml.Model.Save</c>, base64.</summary>
    public required string FeatureTransform { get; init; }
}
