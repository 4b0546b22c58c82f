using System.Collections.Concurrent;

namespace HybridSgd.Pipeline.Data;

/// <summary>
/// Recycles minibatch buffers between the loader and the workers. The pool never holds more than the
/// number of minibatches that were ever in flight at once (loader buffer + one per worker), so it needs no cap.
/// </summary>
internal sealed class MinibatchPool(int batchSize, int featureCount)
{
    private readonly ConcurrentQueue<Minibatch> _free = new();

    public int BatchSize { get; } = batchSize;

    public int FeatureCount { get; } = featureCount;

    public Minibatch Rent()
    {
        if (_free.TryDequeue(out var batch))
        {
            batch.Count = 0;
            return batch;
        }

        return new Minibatch(BatchSize, FeatureCount);
    }

    public void Return(Minibatch batch) => _free.Enqueue(batch);
}
