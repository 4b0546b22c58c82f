using HybridSgd.Pipeline.Data;

namespace HybridSgd.Pipeline.Models;

/// <summary>
/// A differentiable model: the shape of its parameter vector and a factory for per-thread kernels that do the
/// maths. The model holds no weights itself: the aggregator owns them, workers read published snapshots.
/// </summary>
public interface IModel
{
    /// <summary>Short name used on the command line and in reports (e.g. "softmax").</summary>
    string Name { get; }

    /// <summary>What the model predicts; it fixes how <see cref="IModelKernel.Predict"/>'s output is read.</summary>
    LearningTask Task { get; }

    int FeatureCount { get; }

    /// <summary>
    /// Number of model outputs: one probability per class (softmax), one probability of the positive class
    /// (logistic), or one value (regression).
    /// </summary>
    int OutputCount { get; }

    int ParameterCount { get; }

    /// <summary>Writes a fresh starting point; the same <paramref name="random"/> seed gives the same parameters.</summary>
    void InitializeParameters(Span<float> parameters, Random random);

    /// <summary>Scratch space and maths for one thread; kernels are not thread-safe, so each worker owns one.</summary>
    IModelKernel CreateKernel();
}
