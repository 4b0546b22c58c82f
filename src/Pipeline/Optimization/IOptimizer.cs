namespace HybridSgd.Pipeline.Optimization;

/// <summary>The update rule. Only the aggregator calls it, so implementations may keep state without locks.</summary>
internal interface IOptimizer
{
    float LearningRate { get; }

    /// <summary>One update; <paramref name="scale"/> multiplies the learning rate for this step only (a schedule's factor).</summary>
    void Step(Span<float> parameters, ReadOnlySpan<float> gradient, float scale = 1f);

    /// <summary>The same rule with another learning rate (the aggregator lowers it when updates diverge).</summary>
    IOptimizer WithLearningRate(float learningRate);
}
