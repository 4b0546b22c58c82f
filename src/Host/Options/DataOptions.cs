using System.ComponentModel.DataAnnotations;

namespace HybridSgd.Host.Options;

/// <summary>
/// Which data to train on (section <c>Data</c>): the embedded Fashion-MNIST by default, or the user's own files
/// when <see cref="Train"/> is set (CSV/TSV with a header, SVMlight/LibSVM, ML.NET .idv, or an IDX directory).
/// </summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>Dataset name; "fashion-mnist" is embedded in the repository. Ignored when <see cref="Train"/> is set.</summary>
    [Required]
    public string Dataset { get; set; } = "fashion-mnist";

    /// <summary>Directory holding the dataset's files; empty for the embedded copy (or the Debian package's).</summary>
    public string Directory { get; set; } = "";

    /// <summary>A training file of the user's; empty for <see cref="Dataset"/>.</summary>
    public string Train { get; set; } = "";

    /// <summary>A test file with the training file's columns; empty for a seeded holdout of the training file.</summary>
    public string Test { get; set; } = "";

    /// <summary>Name of the label column (CSV/TSV/idv).</summary>
    public string Label { get; set; } = "Label";

    /// <summary>Feature columns, comma-separated; empty for every column but the label.</summary>
    public string Features { get; set; } = "";

    /// <summary>auto (from the label column: it says what it chose), binary, multiclass or regression.</summary>
    [RegularExpression("^(?i)(auto|binary|multiclass|regression)$", ErrorMessage = "must be auto, binary, multiclass or regression")]
    public string Task { get; set; } = "auto";

    /// <summary>Column separator of a text file: auto (detected from the header), comma, tab, semicolon, or the character.</summary>
    [Required]
    public string Separator { get; set; } = "auto";

    /// <summary>auto (by extension), csv, tsv, svmlight or idv.</summary>
    [RegularExpression("^(?i)(auto|csv|tsv|svmlight|idv)$", ErrorMessage = "must be auto, csv, tsv, svmlight or idv")]
    public string Format { get; set; } = "auto";

    /// <summary>Feature scaling fit on the training rows only: minmax, meanvariance or none.</summary>
    [RegularExpression("^(?i)(minmax|meanvariance|none)$", ErrorMessage = "must be minmax, meanvariance or none")]
    public string Normalize { get; set; } = "minmax";

    /// <summary>Fraction of the training file held out for testing when no test file is given.</summary>
    [Range(0.01, 0.9)]
    public double HoldoutFraction { get; set; } = 0.2;

    /// <summary>
    /// Fraction of the training rows held out (seeded, never the test set) whose loss tells when training has
    /// converged (<c>Training:Stop = Converged</c>); 0 to train on every row (then set a budget or epochs).
    /// </summary>
    [Range(0.0, 0.5)]
    public double ValidationFraction { get; set; } = 0.1;

    /// <summary>Use only the first N training rows (quick runs); empty for all.</summary>
    [Range(1, int.MaxValue)]
    public int? TrainRows { get; set; }

    /// <summary>Score only the first N test rows; empty for all.</summary>
    [Range(1, int.MaxValue)]
    public int? TestRows { get; set; }

    /// <summary>A copy reading <paramref name="train"/> as the training file (the settings object itself stays as bound).</summary>
    public DataOptions WithTrain(string train)
    {
        var copy = (DataOptions)MemberwiseClone();
        copy.Train = train;
        return copy;
    }

    /// <summary>True when the user named their own training file.</summary>
    public bool HasOwnFiles => !string.IsNullOrWhiteSpace(Train);
}
