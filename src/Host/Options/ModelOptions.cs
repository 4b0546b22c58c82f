using System.ComponentModel.DataAnnotations;
using System.Globalization;
using HybridSgd.Pipeline.Models;

namespace HybridSgd.Host.Options;

/// <summary>Which model to train (section <c>Model</c>).</summary>
public sealed class ModelOptions
{
    public const string SectionName = "Model";

    /// <summary>Model name; see <see cref="ModelFactory.Names"/>.</summary>
    [Required]
    public string Name { get; set; } = ModelFactory.Softmax;

    /// <summary>Hidden layer sizes of the MLP, comma-separated (e.g. "256,128"); ignored by softmax.</summary>
    [RegularExpression(@"^\s*[1-9]\d{0,5}(\s*,\s*[1-9]\d{0,5})*\s*$", ErrorMessage = "must be layer sizes separated by commas, e.g. 256,128")]
    public string HiddenLayers { get; set; } = "128";

    public IReadOnlyList<int> HiddenLayerSizes() =>
        HiddenLayers.Split(',', StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    public IModel Create(int featureCount, int classCount) =>
        ModelFactory.Create(Name, featureCount, classCount, HiddenLayerSizes());
}
