using System.Collections.Concurrent;

namespace HybridSgd.Embedding;

/// <summary>
/// The feature arrays examples wait in, recycled between the app's writers and the trainer. Not
/// <c>ArrayPool&lt;float&gt;.Shared</c>: it keeps a few dozen arrays of a size, while a full channel holds
/// <see cref="HybridSgdOptions.Capacity"/> of them — every example beyond the pool's few became a new array that
/// lived long enough to be promoted, and the collections that followed cost more than the copies. This pool keeps
/// every array it has handed out (never more than the channel's capacity plus the few being copied), so a busy
/// channel allocates nothing once it has filled.
/// </summary>
internal sealed class FeaturePool(int featureCount)
{
    private readonly ConcurrentQueue<float[]> _free = new();

    public float[] Rent() => _free.TryDequeue(out var features) ? features : new float[featureCount];

    public void Return(float[] features) => _free.Enqueue(features);
}
