using HybridSgd.Pipeline.Data;

namespace HybridSgd.Pipeline.Models;

/// <summary>The per-thread maths of a model. Implementations reuse their buffers: no allocation per example.</summary>
public interface IModelKernel
{
    /// <summary>
    /// Overwrites <paramref name="gradient"/> with the mean gradient of the loss over the rows of
    /// <paramref name="batch"/> at <paramref name="parameters"/>, and returns the mean loss.
    /// </summary>
    double ComputeGradient(ReadOnlySpan<float> parameters, Minibatch batch, Span<float> gradient);

    /// <summary>Writes the model's prediction for one example (class probabilities for a classifier).</summary>
    void Predict(ReadOnlySpan<float> parameters, ReadOnlySpan<float> features, Span<float> prediction);
}
