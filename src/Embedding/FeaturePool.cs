using System.Collections.Concurrent;

namespace HybridSgd.Embedding;

/// <summary>
/// The feature arrays examples wait in, recycled between the app's writers and the trainer. Not
/// <c>ArrayPool&lt;float&gt;.Shared</c>: it keeps a few dozen arrays of a size, while a full channel holds
/// <see cref="HybridSgdOptions.Capacity"/> of them — every example beyond the pool's few became a new array that
/// lived long enough to be promoted, and the collections that followed cost more than the copies. This pool keeps
/// every array it has handed out (never more than the channel's capacity plus the few being copied), so a busy
/// channel allocates nothing once it has filled. The arrays are made on the pinned object heap — not to pin them,
/// but because they live as long as the app: made in gen0, the arrays of a filling channel of 65,536 Fashion-MNIST
/// examples (205 MB) were copied into gen1 and then gen2 by ~60 collections pausing 0.6–2.3 s in all, about as long
/// as the run itself (bench/run.sh's embedding part); on this heap, 6 gen0 collections and 0.1–0.3 s.
/// </summary>
internal sealed class FeaturePool(int featureCount)
{
    private readonly ConcurrentQueue<float[]> _free = new();

    public float[] Rent() => _free.TryDequeue(out var features) ? features : GC.AllocateUninitializedArray<float>(featureCount, pinned: true);

    public void Return(float[] features) => _free.Enqueue(features);
}
