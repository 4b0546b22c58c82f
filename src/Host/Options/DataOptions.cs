using System.ComponentModel.DataAnnotations;
using HybridSgd.Datasets.Tabular;

namespace HybridSgd.Host.Options;

/// <summary>
/// Which data to train on (section <c>Data</c>): the embedded Fashion-MNIST by default, or the user's own files
/// when <see cref="Train"/> is set (CSV/TSV with a header, SVMlight/LibSVM, ML.NET .idv, or an IDX directory).
/// </summary>
public sealed record DataOptions
{
    public const string SectionName = "Data";

    /// <summary>Dataset name; "fashion-mnist" is embedded in the repository. Ignored when <see cref="Train"/> is set.</summary>
    [Required]
    public string Dataset { get; init; } = "fashion-mnist";

    /// <summary>Directory holding the dataset's files; empty for the embedded copy (or the Debian package's).</summary>
    public string Directory { get; init; } = "";

    /// <summary>A training file of the user's; empty for <see cref="Dataset"/>.</summary>
    public string Train { get; init; } = "";

    /// <summary>A test file with the training file's columns; empty for a seeded holdout of the training file.</summary>
    public string Test { get; init; } = "";

    /// <summary>Name of the label column (CSV/TSV/idv).</summary>
    public string Label { get; init; } = "Label";

    /// <summary>Feature columns, comma-separated; empty for every column but the label.</summary>
    public string Features { get; init; } = "";

    /// <summary>auto (from the label column: it says what it chose), binary, multiclass or regression.</summary>
    public DataTask Task { get; init; } = DataTask.Auto;

    /// <summary>Column separator of a text file: auto (detected from the header), comma, tab, semicolon, or the character.</summary>
    [Required]
    public string Separator { get; init; } = "auto";

    /// <summary>auto (by extension), csv, tsv, svmlight (or svm, libsvm) or idv.</summary>
    public DataFormat Format { get; init; } = DataFormat.Auto;

    /// <summary>Feature scaling fit on the training rows only: auto (z-scores from 10,000 rows, min-max below), minmax, meanvariance or none.</summary>
    public FeatureNormalization Normalize { get; init; } = FeatureNormalization.Auto;

    /// <summary>Fraction of the training file held out for testing when no test file is given.</summary>
    [Range(0.01, 0.9)]
    public double HoldoutFraction { get; init; } = 0.2;

    /// <summary>
    /// Fraction of the training rows held out (seeded, never the test set) whose loss tells when training has
    /// converged (<c>Training:Stop = Converged</c>); 0 to train on every row (then set a budget or epochs).
    /// </summary>
    [Range(0.0, 0.5)]
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Use only the first N training rows (quick runs); empty for all.</summary>
    [Range(1, int.MaxValue)]
    public int? TrainRows { get; init; }

    /// <summary>Score only the first N test rows; empty for all.</summary>
    [Range(1, int.MaxValue)]
    public int? TestRows { get; init; }

    /// <summary>True when the user named their own training file.</summary>
    public bool HasOwnFiles => !string.IsNullOrWhiteSpace(Train);
}
