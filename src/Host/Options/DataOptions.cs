using System.ComponentModel.DataAnnotations;

namespace HybridSgd.Host.Options;

/// <summary>Which data to train on (section <c>Data</c>).</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>Dataset name; "fashion-mnist" is embedded in the repository.</summary>
    [Required]
    public string Dataset { get; set; } = "fashion-mnist";

    /// <summary>Directory holding the dataset's files; empty for the embedded copy (or the Debian package's).</summary>
    public string Directory { get; set; } = "";

    /// <summary>Use only the first N training rows (quick runs); empty for all.</summary>
    [Range(1, int.MaxValue)]
    public int? TrainRows { get; set; }

    /// <summary>Score only the first N test rows; empty for all.</summary>
    [Range(1, int.MaxValue)]
    public int? TestRows { get; set; }
}
