using HybridSgd.Pipeline.Policies;

namespace HybridSgd.Tests.Support;

/// <summary>A policy that jumps between the given thresholds every <paramref name="period"/> of progress.</summary>
internal sealed class PatternPolicy(int[] pattern, double period) : ProgressPolicy
{
    public override string Describe() => $"pattern({string.Join(',', pattern)})";

    public override int ThresholdAt(double progress, int workerCount) =>
        Math.Min(pattern[(int)(progress / period) % pattern.Length], workerCount);
}
