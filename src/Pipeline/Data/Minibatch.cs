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
        Labels = new float[capacity];
    }

    public int Capacity { get; }

    public int FeatureCount { get; }

    /// <summary>Rows in use, at most <see cref="Capacity"/>; the final minibatch of the data may be short.</summary>
    public int Count { get; set; }

    /// <summary>
    /// Each row's target: the zero-based class index for a classifier (exact in a float below 2^24 classes),
    /// the value itself for regression.
    /// </summary>
    public float[] Labels { get; }

    public float[] Features { get; }

    public ReadOnlySpan<float> Row(int index) => Features.AsSpan(index * FeatureCount, FeatureCount);
}
