using HybridSgd.Pipeline.Data;

namespace HybridSgd.Embedding.Online;

/// <summary>Examples read from the channel, copied into one row-major buffer until a segment is full.</summary>
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

    /// <summary>The collected rows as a dataset of their own (the buffer is reused for the next segment).</summary>
    public DenseDataset ToDataset() =>
        DenseDataset.FromRows(_features.AsSpan(0, Count * featureCount).ToArray(), _labels.AsSpan(0, Count).ToArray(), featureCount);
}
