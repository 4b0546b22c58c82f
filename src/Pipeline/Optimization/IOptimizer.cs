namespace HybridSgd.Pipeline.Optimization;

/// <summary>The update rule. Only the aggregator calls it, so implementations may keep state without locks.</summary>
public interface IOptimizer
{
    float LearningRate { get; }

    void Step(Span<float> parameters, ReadOnlySpan<float> gradient);

    /// <summary>The same rule with another learning rate (the aggregator lowers it when updates diverge).</summary>
    IOptimizer WithLearningRate(float learningRate);
}
