using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HybridSgd.Pipeline.Persistence;

/// <summary>
/// The trained-model file: magic "HSGDMODL", format version, a JSON header, the float32 weights (little-endian)
/// and a SHA-256 of everything before it, so a truncated or corrupted file is refused instead of loaded.
/// </summary>
public static class ModelFile
{
    /// <summary>
    /// 2 added the task and the data spec to the header. An older build must refuse such a file rather than read
    /// a binary or regression model as multiclass, hence the new number; files of version 1 still load (as the
    /// multiclass models they are).
    /// </summary>
    public const int FormatVersion = 2;

    private const int OldestReadableVersion = 1;
    private static ReadOnlySpan<byte> Magic => "HSGDMODL"u8;

    public static void Save(string path, ModelHeader header, ReadOnlySpan<float> weights)
    {
        var body = new MemoryStream();
        body.Write(Magic);
        WriteInt32(body, FormatVersion);
        var json = JsonSerializer.SerializeToUtf8Bytes(header);
        WriteInt32(body, json.Length);
        body.Write(json);
        WriteInt32(body, weights.Length);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Model files are written little-endian.");
        }

        body.Write(MemoryMarshal.AsBytes(weights));
        var hash = SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));
        body.Write(hash);
        AtomicFile.Write(path, stream => body.WriteTo(stream));
    }

    public static (ModelHeader Header, float[] Weights) Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        string Problem(string what) => $"Model file '{path}' is not usable: {what}.";
        if (bytes.Length < Magic.Length + 4 + 4 + SHA256.HashSizeInBytes || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException(Problem("it does not start with the HybridSgd model signature"));
        }

        int bodyLength = bytes.Length - SHA256.HashSizeInBytes;
        if (!SHA256.HashData(bytes.AsSpan(0, bodyLength)).AsSpan().SequenceEqual(bytes.AsSpan(bodyLength)))
        {
            throw new InvalidDataException(Problem("its checksum does not match (truncated or corrupted)"));
        }

        int offset = Magic.Length;
        int version = ReadInt32(bytes, ref offset);
        if (version is < OldestReadableVersion or > FormatVersion)
        {
            throw new InvalidDataException(Problem($"format version {version}, this build reads {OldestReadableVersion} to {FormatVersion}"));
        }

        int jsonLength = ReadInt32(bytes, ref offset);
        var header = JsonSerializer.Deserialize<ModelHeader>(bytes.AsSpan(offset, jsonLength))
            ?? throw new InvalidDataException(Problem("its header is empty"));
        offset += jsonLength;
        int count = ReadInt32(bytes, ref offset);
        if (count * sizeof(float) != bodyLength - offset)
        {
            throw new InvalidDataException(Problem($"it declares {count} weights but holds {(bodyLength - offset) / sizeof(float)}"));
        }

        var weights = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(offset, count * sizeof(float))).ToArray();
        return (header, weights);
    }

    private static void WriteInt32(Stream stream, int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
        stream.Write(buffer);
    }

    private static int ReadInt32(byte[] bytes, ref int offset)
    {
        int value = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset, 4));
        offset += 4;
        return value;
    }
}
