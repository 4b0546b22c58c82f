namespace HybridSgd.Pipeline.Optimization;

/// <summary>The update rule. Only the aggregator calls it, so implementations may keep state without locks.</summary>
public interface IOptimizer
{
    void Step(Span<float> parameters, ReadOnlySpan<float> gradient);
}
