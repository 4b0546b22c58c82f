using HybridSgd.Pipeline.Data;

namespace HybridSgd.Pipeline.Models;

/// <summary>Builds a model by the name used in settings and on the command line, for a learning task.</summary>
public static class ModelFactory
{
    /// <summary>Linear scores with softmax cross-entropy: multiclass (or binary, as two classes).</summary>
    public const string Softmax = "softmax";

    /// <summary>Linear score with the logistic loss: binary.</summary>
    public const string Logistic = "logistic";

    /// <summary>Linear score with the squared loss: regression.</summary>
    public const string Linear = "linear";

    /// <summary>ReLU hidden layers, then the task's loss: any task.</summary>
    public const string Mlp = "mlp";

    public static IReadOnlyList<string> Names { get; } = [Softmax, Logistic, Linear, Mlp];

    /// <summary>Hidden layer widths of <see cref="Mlp"/> when none are given.</summary>
    public static IReadOnlyList<int> DefaultHiddenLayers { get; } = [128];

    /// <summary>A multiclass model (the Fashion-MNIST case); see the overload taking a task.</summary>
    public static IModel Create(string name, int featureCount, int classCount, IReadOnlyList<int>? hiddenLayers = null) =>
        Create(name, LearningTask.Multiclass, featureCount, classCount, hiddenLayers);

    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="task">What the data's label asks for; the model must suit it.</param>
    /// <param name="featureCount">Inputs per example.</param>
    /// <param name="classCount">Classes the model tells apart (ignored for regression).</param>
    /// <param name="hiddenLayers">
    /// Hidden layer widths for <see cref="Mlp"/>, input side first; null for <see cref="DefaultHiddenLayers"/>.
    /// Models without hidden layers ignore it.
    /// </param>
    public static IModel Create(string name, LearningTask task, int featureCount, int classCount, IReadOnlyList<int>? hiddenLayers = null)
    {
        EnsureSuits(name, task);
        var loss = LossFor(name, task);
        int outputs = task == LearningTask.Regression ? 1 : loss.ScoreCount(classCount);
        return name == Mlp
            ? new MlpModel(Mlp, task, featureCount, hiddenLayers ?? DefaultHiddenLayers, outputs, loss)
            : new LinearModel(name, task, featureCount, outputs, loss);
    }

    /// <summary>The default model for a task: the linear one that suits it.</summary>
    public static string DefaultFor(LearningTask task) => task switch
    {
        LearningTask.Binary => Logistic,
        LearningTask.Regression => Linear,
        _ => Softmax,
    };

    private static ILoss LossFor(string name, LearningTask task) => (name, task) switch
    {
        (Softmax, _) => new SoftmaxCrossEntropyLoss(),
        (Logistic, _) => new LogisticLoss(),
        (Linear, _) => new SquaredLoss(),
        (Mlp, LearningTask.Multiclass) => new SoftmaxCrossEntropyLoss(),
        (Mlp, LearningTask.Binary) => new LogisticLoss(),
        _ => new SquaredLoss(),
    };

    private static void EnsureSuits(string name, LearningTask task)
    {
        if (!Names.Contains(name))
        {
            throw new ArgumentException($"Unknown model '{name}'. Known models: {string.Join(", ", Names)}.", nameof(name));
        }

        string? problem = (name, task) switch
        {
            (Softmax, LearningTask.Regression) => "softmax is a classifier; for regression use linear or mlp",
            (Logistic, not LearningTask.Binary) => $"logistic is for binary labels; for {Describe(task)} use {DefaultFor(task)} or mlp",
            (Linear, not LearningTask.Regression) => $"linear (squared loss) is for regression; for {Describe(task)} use {DefaultFor(task)} or mlp",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ArgumentException($"Model '{name}' does not fit a {Describe(task)} task: {problem}.", nameof(name));
        }
    }

    private static string Describe(LearningTask task) => task.ToString().ToLowerInvariant();
}
