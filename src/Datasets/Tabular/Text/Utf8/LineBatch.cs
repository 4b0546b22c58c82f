namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>
/// The next lines of a <see cref="LineSource"/> that are rows — TextLoader skips empty lines, so they are neither rows
/// nor errors — as byte ranges that stay valid until the next <see cref="Fill"/>, with their line numbers.
/// </summary>
internal sealed class LineBatch(int capacity)
{
    private readonly int[] _offsets = new int[capacity];
    private readonly int[] _lengths = new int[capacity];
    private readonly long[] _lineNumbers = new long[capacity];
    private byte[] _buffer = [];

    public int Capacity => capacity;

    public int Count { get; private set; }

    /// <summary>Line <paramref name="i"/> of the batch, without its ending.</summary>
    public ReadOnlySpan<byte> this[int i] => _buffer.AsSpan(_offsets[i], _lengths[i]);

    public long LineNumber(int i) => _lineNumbers[i];

    /// <summary>Reads up to <see cref="Capacity"/> more rows; returns how many (0 at the end of the file).</summary>
    public int Fill(LineSource lines, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lines.BeginBatch();
        int count = 0;
        while (count < capacity && lines.Next(out int offset, out int length, cancellationToken))
        {
            if (length > 0)
            {
                _offsets[count] = offset;
                _lengths[count] = length;
                _lineNumbers[count++] = lines.LineNumber;
            }
        }

        _buffer = lines.Buffer;
        Count = count;
        return count;
    }
}
