using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HybridSgd.Pipeline.Persistence;

/// <summary>
/// The one envelope of the files a crash or a flipped bit must not turn into a wrong model (the model file, the
/// service's checkpoint), written through <see cref="AtomicFile"/>. Layout, integers and floats little-endian:
/// an 8-byte signature, the int32 format version, the int32 length of a JSON header and the header, the int32 count
/// of a float32 payload and the payload, then a SHA-256 of every byte before it. Reading checks each of them and
/// refuses the file, naming it and what is wrong, rather than return part of it.
/// </summary>
/// <typeparam name="THeader">The caller's self-description, in JSON so a person can read it too.</typeparam>
/// <param name="kind">What the file is called in messages: "Model file", "Checkpoint".</param>
/// <param name="signature">The bytes every file of this kind starts with.</param>
/// <param name="version">The format version this build writes; a file of a higher one is refused.</param>
/// <param name="oldestReadableVersion">The oldest version whose header this build still reads.</param>
internal sealed class DurableFile<THeader>(string kind, ReadOnlySpan<byte> signature, int version, int oldestReadableVersion)
    where THeader : class
{
    private const int HashSize = SHA256.HashSizeInBytes;

    // The payload is copied as it lies in memory, so a big-endian machine would write other bytes: refuse to start.
    private readonly byte[] _signature = BitConverter.IsLittleEndian
        ? signature.ToArray()
        : throw new PlatformNotSupportedException("Model files and checkpoints are little-endian; this machine is big-endian.");

    /// <param name="keepPreviousAs">Where the file it replaces goes (see <see cref="AtomicFile.Write(string, Action{Stream}, string?)"/>).</param>
    public void Write(string path, THeader header, ReadOnlySpan<float> payload, string? keepPreviousAs = null)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(header);

        // One array, so a file is at most 2 GiB (File.ReadAllBytes' limit too): a model of 500 million weights.
        var bytes = new byte[Length(json.Length, payload.Length)];
        var rest = Put(bytes, _signature);
        rest = Put(rest, version);
        rest = Put(rest, json.Length);
        rest = Put(rest, json);
        rest = Put(rest, payload.Length);
        rest = Put(rest, MemoryMarshal.AsBytes(payload));
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashSize), rest);
        AtomicFile.Write(path, stream => stream.Write(bytes), keepPreviousAs);
    }

    /// <exception cref="InvalidDataException">The file is not a whole, uncorrupted file of this kind; the message names it and says why.</exception>
    public (THeader Header, float[] Payload) Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        ReadOnlySpan<byte> file = bytes;
        InvalidDataException Refused(string what, Exception? inner = null) => new($"{kind} '{path}' is not usable: {what}.", inner);
        string Truncated(long needed) => $"it is truncated ({bytes.Length} bytes, {needed} needed)";

        if (!file.StartsWith(_signature) && !_signature.AsSpan().StartsWith(file))
        {
            throw Refused($"it does not start with the signature \"{Encoding.ASCII.GetString(_signature)}\" (not a {kind.ToLowerInvariant()}, or damaged)");
        }

        if (file.Length < Length(0, 0))
        {
            throw Refused(Truncated(Length(0, 0)));
        }

        int fileVersion = BinaryPrimitives.ReadInt32LittleEndian(file[_signature.Length..]);
        if (fileVersion < oldestReadableVersion || fileVersion > version)
        {
            throw Refused($"unsupported format version {fileVersion}, this build reads {oldestReadableVersion} to {version}");
        }

        int headerAt = _signature.Length + (2 * sizeof(int));
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(file[(headerAt - sizeof(int))..]);
        if (headerLength < 0 || file.Length < Length(headerLength, 0))
        {
            throw Refused(headerLength < 0 ? $"its header length is {headerLength} (corrupted)" : Truncated(Length(headerLength, 0)));
        }

        int payloadAt = headerAt + headerLength + sizeof(int);
        int count = BinaryPrimitives.ReadInt32LittleEndian(file[(payloadAt - sizeof(int))..]);
        long length = Length(headerLength, count);
        if (count < 0 || file.Length != length)
        {
            throw Refused(count < 0 || file.Length > length
                ? $"it holds {file.Length} bytes, its lengths (header {headerLength}, {count} floats) call for {length} (corrupted)"
                : Truncated(length));
        }

        int bodyLength = file.Length - HashSize;
        if (!SHA256.HashData(file[..bodyLength]).AsSpan().SequenceEqual(file[bodyLength..]))
        {
            throw Refused("its SHA-256 checksum does not match its content (corrupted)");
        }

        THeader? header;
        try
        {
            header = JsonSerializer.Deserialize<THeader>(file.Slice(headerAt, headerLength));
        }
        catch (JsonException exception)
        {
            throw Refused($"its header is not what this build reads ({exception.Message})", exception);
        }

        return (header ?? throw Refused("its header is null"), MemoryMarshal.Cast<byte, float>(file[payloadAt..bodyLength]).ToArray());
    }

    /// <summary>The whole file's length; long, so that no declared length (each an int32) can overflow it.</summary>
    private long Length(int headerLength, int count) =>
        _signature.Length + (3L * sizeof(int)) + headerLength + ((long)count * sizeof(float)) + HashSize;

    private static Span<byte> Put(Span<byte> to, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(to);
        return to[bytes.Length..];
    }

    private static Span<byte> Put(Span<byte> to, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(to, value);
        return to[sizeof(int)..];
    }
}
