using HybridSgd.Pipeline.Data;

namespace HybridSgd.Embedding.Online;

/// <summary>
/// Examples read from the channel, copied into one row-major buffer until a segment is full. The online trainer
/// keeps two and alternates: one collects while the other's segment is trained on.
/// </summary>
internal sealed class SegmentCollector(int featureCount, int capacity)
{
    private readonly float[] _features = new float[featureCount * capacity];
    private readonly float[] _labels = new float[capacity];

    public int Count { get; private set; }

    public bool IsFull => Count == capacity;

    public void Clear() => Count = 0;

    public void Add(Example example)
    {
        example.Features.AsSpan(0, featureCount).CopyTo(_features.AsSpan(Count * featureCount, featureCount));
        _labels[Count++] = example.Label;
        ExampleInbox.Release(example);
    }

    /// <summary>
    /// The collected rows. A full segment is the buffer itself, not a copy (a segment of 65,536 Fashion-MNIST rows
    /// is 205 MB, and copying it cost more than training on it), so the collector must not collect again until
    /// the dataset has been trained on; a partial one, the last or one cut short by the segment wait, is copied.
    /// </summary>
    public DenseDataset ToDataset() => IsFull
        ? DenseDataset.FromRows(_features, _labels, featureCount)
        : DenseDataset.FromRows(_features.AsSpan(0, Count * featureCount).ToArray(), _labels.AsSpan(0, Count).ToArray(), featureCount);
}
