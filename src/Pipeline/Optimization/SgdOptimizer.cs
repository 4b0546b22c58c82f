using System.Numerics.Tensors;

namespace HybridSgd.Pipeline.Optimization;

/// <summary>Plain SGD with L2 (weight decay): w ← (1 − ηλ)·w − η·g.</summary>
public sealed class SgdOptimizer : IOptimizer
{
    private readonly float _learningRate;
    private readonly float _decay;

    public SgdOptimizer(float learningRate, float l2)
    {
        if (!(learningRate > 0) || !float.IsFinite(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "must be positive and finite");
        }

        if (!(l2 >= 0) || !float.IsFinite(l2))
        {
            throw new ArgumentOutOfRangeException(nameof(l2), l2, "must be zero or positive and finite");
        }

        _learningRate = learningRate;
        _decay = 1f - (learningRate * l2);
    }

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient)
    {
        if (_decay != 1f)
        {
            TensorPrimitives.Multiply(parameters, _decay, parameters);
        }

        TensorPrimitives.MultiplyAdd(gradient, -_learningRate, parameters, parameters);
    }
}
