namespace HybridSgd.Pipeline.Data;

/// <summary>
/// A block of examples stored row-major in buffers that are reused: <see cref="Count"/> says how many rows
/// are live. Minibatches are rented from a <see cref="MinibatchPool"/> and go back to it once a worker has
/// computed its gradient, so the hot path allocates nothing per example.
/// </summary>
public sealed class Minibatch
{
    public Minibatch(int capacity, int featureCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        Capacity = capacity;
        FeatureCount = featureCount;
        Features = new float[capacity * featureCount];
        Labels = new int[capacity];
    }

    public int Capacity { get; }

    public int FeatureCount { get; }

    /// <summary>Rows in use, at most <see cref="Capacity"/>; the final minibatch of the data may be short.</summary>
    public int Count { get; set; }

    /// <summary>Class index (zero-based) of each row.</summary>
    public int[] Labels { get; }

    public float[] Features { get; }

    public ReadOnlySpan<float> Row(int index) => Features.AsSpan(index * FeatureCount, FeatureCount);
}
