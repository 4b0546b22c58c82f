using System.Buffers;

namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>
/// The lines of a file as byte ranges of one buffer, ended as <see cref="StreamReader.ReadLine"/> ends them (\n, \r\n
/// or \r), numbered from 1. The lines of one batch stay where they are until <see cref="BeginBatch"/>: a segment's
/// rows are parsed in place, in parallel, straight from the bytes read. The buffer is rented from an array pool (the
/// shared one unless the caller keeps its own) and given back on <see cref="Dispose"/>: a segment's lines take tens
/// of MB, and memory the process has not touched yet costs a page fault per 4 KB (measured here: 64 MB of fresh memory
/// took 200–280 ms to touch, pooled memory 6 ms), which made each file's first segment 5–8 times slower than the next
/// when every file grew its own.
/// </summary>
internal sealed class LineSource : IDisposable
{
    private const int ReadSize = 1 << 20;

    private readonly Stream _stream;
    private readonly ArrayPool<byte> _pool;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfFile;

    /// <param name="pool">Where the buffer comes from and goes back to (<see cref="ReadBuffers.Lines"/>; the shared pool by default).</param>
    public LineSource(string path, ArrayPool<byte>? pool = null)
    {
        _pool = pool ?? ArrayPool<byte>.Shared;
        _buffer = _pool.Rent(ReadSize * 2);
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
    }

    /// <summary>A file that starts with a UTF-16 byte-order mark: StreamReader decodes it, this reads UTF-8 and ASCII only.</summary>
    public static bool IsUtf16(string path)
    {
        Span<byte> start = stackalloc byte[2];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(start, 2, throwOnEndOfStream: false) == 2
            && ((start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF));
    }

    /// <summary>The number of the last line handed out (0 before the first).</summary>
    public long LineNumber { get; private set; }

    /// <summary>The buffer the ranges handed out since <see cref="BeginBatch"/> refer to.</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Moves the unread bytes to the front: ranges handed out before are no longer valid.</summary>
    public void BeginBatch()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
    }

    /// <summary>The next line (without its ending) as [offset, offset + length) of <see cref="Buffer"/>; false at the end of the file.</summary>
    public bool Next(out int offset, out int length, CancellationToken cancellationToken)
    {
        int scanned = 0;
        while (true)
        {
            var unread = _buffer.AsSpan(_start + scanned, _end - _start - scanned);
            int end = unread.IndexOfAny((byte)'\n', (byte)'\r');

            // A \r last in the buffer may be the first half of \r\n: read on before deciding.
            if (end >= 0 && !(unread[end] == (byte)'\r' && end == unread.Length - 1 && !_endOfFile))
            {
                offset = _start;
                length = scanned + end;
                int ending = unread[end] == (byte)'\r' && end + 1 < unread.Length && unread[end + 1] == (byte)'\n' ? 2 : 1;
                _start += length + ending;
                LineNumber++;
                return true;
            }

            if (_endOfFile)
            {
                if (_end == _start)
                {
                    offset = length = 0;
                    return false;
                }

                offset = _start;
                length = _end - _start;
                _start = _end;
                LineNumber++;
                return true;
            }

            scanned = Math.Max(0, _end - _start - 1);
            cancellationToken.ThrowIfCancellationRequested();
            Fill();
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (_buffer.Length > 0)
        {
            _pool.Return(_buffer);
            _buffer = [];
        }
    }

    private void Fill()
    {
        if (_buffer.Length - _end < ReadSize)
        {
            // A batch's lines must stay put, so the buffer grows rather than moving them (offsets handed out stay valid
            // in the larger buffer); BeginBatch reclaims the front.
            byte[] larger = _pool.Rent(Math.Max(_buffer.Length * 2, _end + ReadSize));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            _pool.Return(_buffer);
            _buffer = larger;
        }

        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _endOfFile = read == 0;
    }
}
