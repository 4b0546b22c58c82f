using System.Buffers;

namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>
/// The large buffers of the byte readers, handed from one pass over a file to the next: line buffers, batch matrices
/// and segment matrices. Fresh memory costs a page fault per 4 KB here (a pass's 32 MB line buffer about 0.13 s), and
/// the shared array pool keeps a returned array in the returning thread's slot, so the next pass, on another thread,
/// missed it every other time. Pools of their own, owned by whoever reads the files (a schema's passes, a stream's
/// readers), are found whichever thread reads next.
/// </summary>
internal sealed class ReadBuffers
{
    private const int ArraysPerSize = 2;

    public ArrayPool<byte> Lines { get; } = ArrayPool<byte>.Create(maxArrayLength: 1 << 30, ArraysPerSize);

    public ArrayPool<float> Batches { get; } = ArrayPool<float>.Create(maxArrayLength: 1 << 28, ArraysPerSize);

    public SegmentMatrixPool Matrices { get; } = new();
}
