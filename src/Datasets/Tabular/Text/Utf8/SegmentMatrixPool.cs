namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>
/// The features and labels arrays of a segment, handed from one file's reader to the next. A segment of Fashion-MNIST
/// is a 31 MB matrix; fresh memory costs a page fault per 4 KB (about 0.1 s for that matrix here), so a stream of files
/// reuses the matrices instead of each reader allocating its own. Keeps the two most recently returned sizes: a file's
/// full segments and its shorter last one.
/// </summary>
internal sealed class SegmentMatrixPool
{
    private const int Kept = 2;

    private readonly Lock _lock = new();
    private readonly List<SegmentMatrix> _spare = [];

    /// <summary>A matrix of <paramref name="rows"/> × <paramref name="width"/>, a returned one when its size fits. Its values are stale: every cell is written before use.</summary>
    public SegmentMatrix Rent(int rows, int width)
    {
        lock (_lock)
        {
            int index = _spare.FindIndex(m => m.Labels.Length == rows && m.Features.Length == (long)rows * width);
            if (index >= 0)
            {
                var matrix = _spare[index];
                _spare.RemoveAt(index);
                return matrix;
            }
        }

        return new SegmentMatrix(new float[checked(rows * width)], new float[rows]);
    }

    /// <summary>Gives <paramref name="matrix"/> back; no dataset made from it may be used after this.</summary>
    public void Return(SegmentMatrix matrix)
    {
        lock (_lock)
        {
            _spare.Add(matrix);
            if (_spare.Count > Kept)
            {
                _spare.RemoveAt(0);
            }
        }
    }
}

/// <summary>One segment's features (row-major) and labels.</summary>
internal sealed record SegmentMatrix(float[] Features, float[] Labels);
