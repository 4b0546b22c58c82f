using HybridSgd.Pipeline.Data;

namespace HybridSgd.Datasets.Tabular;

/// <summary>How to read a tabular file: which column is the label, which are features, and how to featurize.</summary>
public sealed class TabularOptions
{
    /// <summary>"auto": pick by the training file's extension (.csv .tsv .txt .svm .svmlight .libsvm .idv).</summary>

    /// <summary>"auto": detect the separator from the header line (tab, comma or semicolon).</summary>
    public const string AutoSeparator = "auto";

    /// <summary>The label column, found by name wherever it stands. Ignored for SVMlight, whose label is the first token.</summary>
    public required string Label { get; init; }

    /// <summary>The feature columns by name; null means every column but the label (numeric as is, text one-hot).</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary><see cref="AutoSeparator"/>, or one of ",", "\t", ";", "tab", "comma", "semicolon".</summary>
    public string Separator { get; init; } = AutoSeparator;

    /// <summary>The file's format; null to tell it from the extension.</summary>
    public TabularFormat? Format { get; init; }

    /// <summary>The learning task; null infers it from the label's values (the choice is explained in the spec).</summary>
    public LearningTask? Task { get; init; }

    /// <summary>How the features are rescaled; fitted on the training rows only.</summary>
    public FeatureNormalization Normalization { get; init; } = FeatureNormalization.Auto;
}
