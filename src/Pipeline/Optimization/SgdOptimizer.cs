using System.Numerics;

namespace HybridSgd.Pipeline.Optimization;

/// <summary>Plain SGD with L2 (weight decay): w ← (1 − ηλ)·w − η·g.</summary>
internal sealed class SgdOptimizer : IOptimizer
{
    private readonly float _learningRate;
    private readonly float _l2;
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
        _l2 = l2;
        _decay = 1f - (learningRate * l2);
    }

    public float LearningRate => _learningRate;

    public IOptimizer WithLearningRate(float learningRate) => new SgdOptimizer(learningRate, _l2);

    /// <remarks>
    /// One pass over both vectors (the decay and the step fused): the aggregator's update is bound by passes over
    /// memory. The roundings are those of the two-pass form, (w·(1 − ηλ)) + (g·(−η)), so results do not change.
    /// </remarks>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient, float scale = 1f)
    {
        if (gradient.Length != parameters.Length)
        {
            throw new ArgumentException($"Expected {parameters.Length} gradient values, got {gradient.Length}.", nameof(gradient));
        }

        // scale == 1 keeps the exact roundings of the unscheduled rule (the exact-maths tests compare bit for bit).
        float decay = scale == 1f ? _decay : 1f - (_learningRate * scale * _l2);
        float step = scale == 1f ? -_learningRate : -(_learningRate * scale);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var decays = new Vector<float>(decay);
            var steps = new Vector<float>(step);
            for (; i <= parameters.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var w = new Vector<float>(parameters[i..]);
                var g = new Vector<float>(gradient[i..]);
                ((w * decays) + (g * steps)).CopyTo(parameters[i..]);
            }
        }

        for (; i < parameters.Length; i++)
        {
            parameters[i] = (parameters[i] * decay) + (gradient[i] * step);
        }
    }
}
