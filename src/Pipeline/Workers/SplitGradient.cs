using System.Numerics.Tensors;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Policies;

namespace HybridSgd.Pipeline.Workers;

/// <summary>
/// A minibatch gradient computed as the example-weighted mean of its two halves, which yields a noise probe for
/// the price of one copy of half the rows and a few dot products (~5 % of a softmax gradient): the squared norms of
/// the half-batch gradients and of the full one, all at the same weights — what the gradient noise scale needs,
/// with no assumption about other workers' gradients (async gradients are computed on different weights, and
/// consecutive SGD gradients are anti-correlated, which makes estimates from them useless; measured).
/// </summary>
internal sealed class SplitGradient(int capacity, int featureCount, int parameterCount)
{
    private readonly Minibatch _secondHalf = new(Math.Max(1, (capacity + 1) / 2), featureCount);
    private readonly float[] _halfGradient = new float[parameterCount];

    /// <summary>Writes the mean gradient over <paramref name="batch"/> and returns its mean loss and the probe.</summary>
    public double Compute(IModelKernel kernel, ReadOnlySpan<float> weights, Minibatch batch, Span<float> gradient, out NoiseProbe probe)
    {
        int count = batch.Count;
        if (count < 2)
        {
            probe = NoiseProbe.None;
            return kernel.ComputeGradient(weights, batch, gradient);
        }

        int first = count / 2;
        int second = count - first;
        batch.Features.AsSpan(first * batch.FeatureCount, second * batch.FeatureCount).CopyTo(_secondHalf.Features);
        batch.Labels.AsSpan(first, second).CopyTo(_secondHalf.Labels);
        _secondHalf.Count = second;

        double secondLoss = kernel.ComputeGradient(weights, _secondHalf, _halfGradient);
        double firstLoss;
        batch.Count = first;
        try
        {
            firstLoss = kernel.ComputeGradient(weights, batch, gradient);
        }
        finally
        {
            batch.Count = count;
        }

        double firstNorm = TensorPrimitives.Dot<float>(gradient, gradient);
        double secondNorm = TensorPrimitives.Dot<float>(_halfGradient, _halfGradient);
        float secondShare = second / (float)count;
        TensorPrimitives.Multiply(gradient, first / (float)count, gradient);
        TensorPrimitives.MultiplyAdd(_halfGradient, secondShare, gradient, gradient);
        double fullNorm = TensorPrimitives.Dot<float>(gradient, gradient);

        // E[(|g₁|² + |g₂|²)/2] = |G|² + tr(Σ)·(1/n₁ + 1/n₂)/2: the small batch is the harmonic mean of the halves.
        double smallBatch = 2.0 / ((1.0 / first) + (1.0 / second));
        probe = new NoiseProbe(smallBatch, (firstNorm + secondNorm) / 2, count, fullNorm);
        return ((firstLoss * first) + (secondLoss * second)) / count;
    }
}
