using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;

namespace HybridSgd.Datasets;

/// <summary>
/// A forward-only reader of one gzip'd unsigned-byte IDX file: validates the header on open, then hands
/// out fixed-size records in order. Every failure becomes a <see cref="DatasetFormatException"/> naming
/// the file, and the row and decompressed offset once records are being read.
/// </summary>
/// <remarks>Not thread-safe: one reader belongs to one cursor.</remarks>
internal sealed class IdxFile : IDisposable
{
    // Records are small (784 bytes); a larger file buffer keeps syscalls few while inflating sequentially.
    private const int FileBufferSize = 1 << 16;

    // A corrupt header could claim a gigantic record and make us allocate it; no IDX image set is near this.
    private const int MaxRecordLength = 1 << 24;

    private readonly GZipStream _gzip;
    private long _offset;

    private IdxFile(string path, GZipStream gzip, IdxHeader header)
    {
        Path = path;
        _gzip = gzip;
        Header = header;
        _offset = header.Length;
    }

    /// <summary>The file being read, for error messages.</summary>
    public string Path { get; }

    /// <summary>The validated header.</summary>
    public IdxHeader Header { get; }

    /// <summary>Opens <paramref name="path"/> and validates that it is gzip with the expected IDX header.</summary>
    public static IdxFile Open(string path, int expectedMagic)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan);
        try
        {
            RequireGzipSignature(file, path);
        }
        catch
        {
            file.Dispose();
            throw;
        }

        // From here the GZipStream owns the FileStream and closes it.
        var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: false);
        try
        {
            return new IdxFile(path, gzip, ReadHeader(gzip, path, expectedMagic));
        }
        catch
        {
            gzip.Dispose();
            throw;
        }
    }

    /// <summary>Reads record <paramref name="row"/>, which must be the next one, into <paramref name="destination"/>.</summary>
    public void ReadRecord(Span<byte> destination, long row)
    {
        Debug.Assert(destination.Length == Header.RecordLength, "one record at a time");
        Debug.Assert(_offset == Header.OffsetOf(row), "records are read strictly in order");

        int read = Fill(_gzip, destination, Path, row, _offset);
        if (read < destination.Length)
        {
            long expectedBytes = Header.OffsetOf(Header.Count);
            throw new DatasetFormatException(
                Path,
                $"truncated: the header promises {Header.Count} records of {Header.RecordLength} bytes " +
                $"({expectedBytes} decompressed bytes in all) but the data ends after {_offset + read} bytes.",
                row,
                _offset + read);
        }

        _offset += read;
    }

    /// <inheritdoc />
    public void Dispose() => _gzip.Dispose();

    private static void RequireGzipSignature(FileStream file, string path)
    {
        Span<byte> signature = stackalloc byte[2];
        int read = file.ReadAtLeast(signature, signature.Length, throwOnEndOfStream: false);
        if (read < 2 || signature[0] != 0x1F || signature[1] != 0x8B)
        {
            string found = read switch
            {
                0 => "an empty file",
                1 => $"a 1-byte file ({signature[0]:X2})",
                _ => $"{signature[0]:X2} {signature[1]:X2}",
            };

            // An uncompressed IDX file starts 00 00 08: the likeliest mistake, so say what to do about it.
            string hint = read >= 2 && signature[0] == 0 && signature[1] == 0
                ? " It looks like an uncompressed IDX file; compress it with gzip."
                : string.Empty;
            throw new DatasetFormatException(
                path,
                $"not a gzip file: expected the gzip signature 1F 8B at byte 0 but found {found}.{hint}");
        }

        file.Seek(0, SeekOrigin.Begin);
    }

    private static IdxHeader ReadHeader(GZipStream gzip, string path, int expectedMagic)
    {
        // The largest header we accept (idx3) is the magic plus three int32s.
        Span<byte> bytes = stackalloc byte[16];
        ReadHeaderBytes(gzip, bytes[..4], path, 0);
        int magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (magic != expectedMagic)
        {
            throw new DatasetFormatException(
                path,
                $"wrong magic number: expected {IdxHeader.Describe(expectedMagic)} but found {IdxHeader.Describe(magic)}.",
                byteOffset: 0);
        }

        int dimensions = magic & 0xFF;
        ReadHeaderBytes(gzip, bytes[4..(4 * (dimensions + 1))], path, 4);
        int count = BinaryPrimitives.ReadInt32BigEndian(bytes[4..]);
        int rows = dimensions == 3 ? BinaryPrimitives.ReadInt32BigEndian(bytes[8..]) : 1;
        int columns = dimensions == 3 ? BinaryPrimitives.ReadInt32BigEndian(bytes[12..]) : 1;

        if (count < 0)
        {
            throw new DatasetFormatException(path, $"the header's record count is negative ({count}).", byteOffset: 4);
        }

        if (rows <= 0 || columns <= 0 || (long)rows * columns > MaxRecordLength)
        {
            throw new DatasetFormatException(
                path,
                $"the header's record shape {rows}x{columns} is not positive or exceeds {MaxRecordLength} bytes.",
                byteOffset: 8);
        }

        return new IdxHeader(magic, count, rows, columns);
    }

    private static void ReadHeaderBytes(GZipStream gzip, Span<byte> destination, string path, long offset)
    {
        int read = Fill(gzip, destination, path, row: null, offset);
        if (read < destination.Length)
        {
            throw new DatasetFormatException(
                path,
                $"truncated header: expected {destination.Length} more header bytes but the data ends after {offset + read} bytes.",
                byteOffset: offset + read);
        }
    }

    /// <summary>Reads until <paramref name="destination"/> is full or the data ends; returns the bytes read.</summary>
    private static int Fill(GZipStream gzip, Span<byte> destination, string path, long? row, long offset)
    {
        try
        {
            return gzip.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException ex)
        {
            // GZipStream's own message names neither the file nor where in it the damage is.
            throw new DatasetFormatException(path, $"corrupt gzip data: {ex.Message}", row, offset, ex);
        }
    }
}
