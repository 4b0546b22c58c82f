namespace HybridSgd.Pipeline.Models;

/// <summary>Builds a model by the name used in settings and on the command line.</summary>
public static class ModelFactory
{
    public const string Softmax = "softmax";

    public const string Mlp = "mlp";

    public static IReadOnlyList<string> Names { get; } = [Softmax, Mlp];

    /// <summary>Hidden layer widths of <see cref="Mlp"/> when none are given.</summary>
    public static IReadOnlyList<int> DefaultHiddenLayers { get; } = [128];

    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="featureCount">Inputs per example.</param>
    /// <param name="classCount">Classes the model tells apart.</param>
    /// <param name="hiddenLayers">
    /// Hidden layer widths for <see cref="Mlp"/>, input side first; null for <see cref="DefaultHiddenLayers"/>.
    /// Models without hidden layers ignore it.
    /// </param>
    public static IModel Create(string name, int featureCount, int classCount, IReadOnlyList<int>? hiddenLayers = null) => name switch
    {
        Softmax => new LinearModel(Softmax, featureCount, classCount, new SoftmaxCrossEntropyLoss()),
        Mlp => new MlpModel(Mlp, featureCount, hiddenLayers ?? DefaultHiddenLayers, classCount, new SoftmaxCrossEntropyLoss()),
        _ => throw new ArgumentException(
            $"Unknown model '{name}'. Known models: {string.Join(", ", Names)}.", nameof(name)),
    };
}
