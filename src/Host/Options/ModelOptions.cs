using System.ComponentModel.DataAnnotations;

namespace HybridSgd.Host.Options;

/// <summary>Which model to train (section <c>Model</c>).</summary>
public sealed class ModelOptions
{
    public const string SectionName = "Model";

    /// <summary>Model name; see <see cref="Pipeline.Models.ModelFactory.Names"/>.</summary>
    [Required]
    public string Name { get; set; } = "softmax";
}
