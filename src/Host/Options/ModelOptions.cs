using System.ComponentModel.DataAnnotations;
using System.Globalization;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;

namespace HybridSgd.Host.Options;

/// <summary>Which model to train (section <c>Model</c>).</summary>
public sealed record ModelOptions
{
    public const string SectionName = "Model";

    /// <summary>The linear model that suits the data's task: softmax, logistic or linear.</summary>
    public const string Auto = "auto";

    /// <summary>Model name: <see cref="Auto"/> or one of <see cref="ModelFactory.Names"/>.</summary>
    [Required]
    public string Name { get; init; } = Auto;

    /// <summary>Hidden layer sizes of the MLP, comma-separated (e.g. "256,128"); ignored by the linear models.</summary>
    [RegularExpression(@"^\s*[1-9]\d{0,5}(\s*,\s*[1-9]\d{0,5})*\s*$", ErrorMessage = "must be layer sizes separated by commas, e.g. 256,128")]
    public string HiddenLayers { get; init; } = "128";

    public static IReadOnlyList<string> KnownNames { get; } = [Auto, .. ModelFactory.Names];

    public IReadOnlyList<int> HiddenLayerSizes() =>
        HiddenLayers.Split(',', StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The model named here, for data of <paramref name="task"/>; a model that does not suit the task is the user's error.</summary>
    public IModel Create(LearningTask task, int featureCount, int classCount)
    {
        string name = Name.Equals(Auto, StringComparison.OrdinalIgnoreCase) ? ModelFactory.DefaultFor(task) : Name.ToLowerInvariant();
        try
        {
            return ModelFactory.Create(name, task, featureCount, classCount, HiddenLayerSizes());
        }
        catch (ArgumentException exception)
        {
            throw new InvalidDataException($"{SectionName}:Name (--model): {exception.Message.Split(" (Parameter")[0]}", exception);
        }
    }
}
