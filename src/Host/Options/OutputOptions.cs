using System.ComponentModel.DataAnnotations;

namespace HybridSgd.Host.Options;

/// <summary>Where a run writes report.json and the model file (section <c>Output</c>).</summary>
public sealed record OutputOptions
{
    public const string SectionName = "Output";

    public const string ReportFileName = "report.json";

    public const string ModelFileName = "model.hsgd";

    [Required]
    public string Directory { get; init; } = "runs/latest";
}
