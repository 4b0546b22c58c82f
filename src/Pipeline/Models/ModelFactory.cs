namespace HybridSgd.Pipeline.Models;

/// <summary>Builds a model by the name used in settings and on the command line.</summary>
public static class ModelFactory
{
    public const string Softmax = "softmax";

    public static IReadOnlyList<string> Names { get; } = [Softmax];

    public static IModel Create(string name, int featureCount, int classCount) => name switch
    {
        Softmax => new LinearModel(Softmax, featureCount, classCount, new SoftmaxCrossEntropyLoss()),
        _ => throw new ArgumentException(
            $"Unknown model '{name}'. Known models: {string.Join(", ", Names)}.", nameof(name)),
    };
}
