namespace HybridSgd.Pipeline.Configuration;

/// <summary>How one simulated worker deviates from an ideal one.</summary>
/// <param name="Slowdown">Compute time multiplier (≥ 1).</param>
/// <param name="PushDelay">Delay before its gradient reaches the aggregator.</param>
/// <param name="PullDelay">Delay before fresh weights reach it.</param>
/// <param name="Jitter">Upper bound of the uniform random delay added to each push and pull.</param>
public sealed record WorkerCondition(double Slowdown, TimeSpan PushDelay, TimeSpan PullDelay, TimeSpan Jitter)
{
    public static WorkerCondition Ideal { get; } = new(1, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    public bool IsIdeal => Slowdown <= 1 && PushDelay == TimeSpan.Zero && PullDelay == TimeSpan.Zero && Jitter == TimeSpan.Zero;
}
