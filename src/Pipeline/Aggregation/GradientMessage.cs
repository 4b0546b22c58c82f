namespace HybridSgd.Pipeline.Aggregation;

/// <summary>
/// One worker's minibatch gradient on its way to the aggregator. The worker owns the gradient buffer and waits
/// on <see cref="Applied"/> before reusing it, so the aggregator can read it without copying.
/// </summary>
internal sealed class GradientMessage(int workerId, long sequence, float[] gradient, int exampleCount, long weightsVersion, double loss)
{
    // RunContinuationsAsynchronously: releasing k workers must not run their next gradient on the aggregator's thread.
    private readonly TaskCompletionSource<long> _applied = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int WorkerId { get; } = workerId;

    /// <summary>Per-worker running number: (WorkerId, Sequence) identifies a gradient uniquely.</summary>
    public long Sequence { get; } = sequence;

    public float[] Gradient { get; } = gradient;

    public int ExampleCount { get; } = exampleCount;

    /// <summary>Version of the weights the gradient was computed on.</summary>
    public long WeightsVersion { get; } = weightsVersion;

    public double Loss { get; } = loss;

    /// <summary>Completes with the version of the update that consumed this gradient.</summary>
    public Task<long> Applied => _applied.Task;

    public void MarkApplied(long version)
    {
        if (!_applied.TrySetResult(version))
        {
            throw new InvalidOperationException(
                $"Gradient {WorkerId}/{Sequence} was consumed twice (second time by update {version}).");
        }
    }
}
