using System.Buffers;
using HybridSgd.Datasets.Tabular.Text.Utf8;

namespace HybridSgd.Datasets.Tabular;

/// <summary>
/// The large buffers of the byte readers — line buffers, batch matrices, segment matrices — handed from one pass over
/// a file to the next: a schema's scan and fitting passes, then a stream's file readers. Give the same instance to
/// <see cref="TabularDataset.DefineSpec"/> and to the <see cref="SegmentReaders"/> of the stream it defines.
/// </summary>
/// <remarks>
/// Why: memory the process has not touched costs a page fault per 4 KB here (a pass's 32 MB line buffer about 0.13 s,
/// 64 MB 200–280 ms against 6 ms reused), and the shared array pool keeps a returned array in the returning thread's
/// slot, so the next pass, on another thread, missed it every other time. Pools of their own, owned by whoever reads
/// the files, are found whichever thread reads next. Safe to share between threads; holds what it was given back
/// (at most two arrays of a size) until it is collected.
/// </remarks>
public sealed class ReadBuffers
{
    private const int ArraysPerSize = 2;

    internal ArrayPool<byte> Lines { get; } = ArrayPool<byte>.Create(maxArrayLength: 1 << 30, ArraysPerSize);

    internal ArrayPool<float> Batches { get; } = ArrayPool<float>.Create(maxArrayLength: 1 << 28, ArraysPerSize);

    internal SegmentMatrixPool Matrices { get; } = new();
}
