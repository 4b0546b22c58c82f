using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace HybridSgd.Host.Service.Checkpoints;

/// <summary>
/// A checkpoint's bytes: magic "HSGDCKPT", format version, the JSON state, the float32 weights (little-endian) and a
/// SHA-256 of everything before it, so a truncated or flipped byte is detected rather than resumed from.
/// </summary>
internal static class CheckpointCodec
{
    private const int FormatVersion = 1;
    private static ReadOnlySpan<byte> Magic => "HSGDCKPT"u8;

    public static byte[] Encode(Checkpoint checkpoint, ReadOnlySpan<float> weights)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Checkpoints are written little-endian.");
        }

        byte[] json = JsonSerializer.SerializeToUtf8Bytes(checkpoint);
        var body = new MemoryStream();
        body.Write(Magic);
        WriteInt32(body, FormatVersion);
        WriteInt32(body, json.Length);
        body.Write(json);
        WriteInt32(body, weights.Length);
        body.Write(MemoryMarshal.AsBytes(weights));
        body.Write(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
        return body.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not a whole, uncorrupted checkpoint; the message says why.</exception>
    public static (Checkpoint Checkpoint, float[] Weights) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Magic.Length + 12 + SHA256.HashSizeInBytes || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw new InvalidDataException("it does not start with the checkpoint signature (empty or truncated)");
        }

        int bodyLength = bytes.Length - SHA256.HashSizeInBytes;
        if (!SHA256.HashData(bytes[..bodyLength]).AsSpan().SequenceEqual(bytes[bodyLength..]))
        {
            throw new InvalidDataException("its SHA-256 checksum does not match (truncated or corrupted)");
        }

        int offset = Magic.Length;
        int version = ReadInt32(bytes, ref offset);
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"format version {version}, this build reads {FormatVersion}");
        }

        int jsonLength = ReadInt32(bytes, ref offset);
        var checkpoint = JsonSerializer.Deserialize<Checkpoint>(bytes.Slice(offset, jsonLength))
            ?? throw new InvalidDataException("its state is empty");
        offset += jsonLength;
        int count = ReadInt32(bytes, ref offset);
        if ((long)count * sizeof(float) != bodyLength - offset)
        {
            throw new InvalidDataException($"it declares {count} weights but holds {(bodyLength - offset) / sizeof(float)}");
        }

        return (checkpoint, MemoryMarshal.Cast<byte, float>(bytes.Slice(offset, count * sizeof(float))).ToArray());
    }

    private static void WriteInt32(Stream stream, int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
        stream.Write(buffer);
    }

    private static int ReadInt32(ReadOnlySpan<byte> bytes, ref int offset)
    {
        int value = BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(offset, 4));
        offset += 4;
        return value;
    }
}
