using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using HybridSgd.Pipeline.Persistence;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

/// <summary>
/// The envelope of the model file and the checkpoint: what is written is read back exactly, and a file damaged in any
/// part is refused with its path and what is wrong, never half-read.
/// </summary>
public sealed class DurableFileTests : IDisposable
{
    // "TESTFILE", version, header length, header, count, payload, SHA-256.
    private const int VersionAt = 8;
    private const int HeaderLengthAt = 12;
    private const int HeaderAt = 16;

    private static readonly DurableFile<Header> Format = new("Test file", "TESTFILE"u8, version: 3, oldestReadableVersion: 2);

    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private string PathOf => Path.Combine(_scratch.Path, "f.bin");

    [Fact]
    public void WriteThenRead_SameHeaderAndPayloadBitForBit()
    {
        float[] payload = [1f, -0f, float.Epsilon, float.NaN, float.NegativeInfinity, BitConverter.Int32BitsToSingle(0x7FC0_1234)];

        Format.Write(PathOf, new Header("weights", [3, 4]), payload);
        var (header, read) = Format.Read(PathOf);

        Assert.Equal("weights", header.Name);
        Assert.Equal([3, 4], header.Sizes);
        Assert.Equal(MemoryMarshal.AsBytes(payload.AsSpan()).ToArray(), MemoryMarshal.AsBytes(read.AsSpan()).ToArray());
    }

    [Fact]
    public void WriteThenRead_EmptyPayload()
    {
        Format.Write(PathOf, new Header("none", []), []);

        Assert.Empty(Format.Read(PathOf).Payload);
    }

    [Fact]
    public void Write_Layout_SignatureVersionHeaderCountPayloadChecksum()
    {
        Format.Write(PathOf, new Header("a", [1]), [2f]);
        var bytes = File.ReadAllBytes(PathOf);

        byte[] json = Encoding.UTF8.GetBytes("""{"Name":"a","Sizes":[1]}""");
        Assert.Equal("TESTFILE"u8.ToArray(), bytes[..VersionAt]);
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(VersionAt)));
        Assert.Equal(json.Length, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(HeaderLengthAt)));
        Assert.Equal(json, bytes[HeaderAt..(HeaderAt + json.Length)]);
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(HeaderAt + json.Length)));
        Assert.Equal(2f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(HeaderAt + json.Length + 4)));
        Assert.Equal(SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)), bytes[^32..]);
    }

    [Fact]
    public void Read_EveryTruncation_RefusedAsTruncated()
    {
        var whole = Written();
        for (int length = 0; length < whole.Length; length++)
        {
            File.WriteAllBytes(PathOf, whole[..length]);

            string message = Refusal();
            Assert.Contains($"it is truncated ({length} bytes", message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("signature", 0, "does not start with the signature \"TESTFILE\" (not a test file, or damaged)")]
    [InlineData("header", HeaderAt + 3, "SHA-256 checksum does not match")]
    [InlineData("payload", -33, "SHA-256 checksum does not match")]
    [InlineData("checksum", -1, "SHA-256 checksum does not match")]
    public void Read_FlippedByte_RefusedSayingWhat(string part, int at, string expected)
    {
        var bytes = Written();
        bytes[at < 0 ? bytes.Length + at : at] ^= 0x10;
        File.WriteAllBytes(PathOf, bytes);

        Assert.True(Refusal().Contains(expected, StringComparison.Ordinal), part);
    }

    [Theory]
    [InlineData(1, "unsupported format version 1, this build reads 2 to 3")]
    [InlineData(4, "unsupported format version 4, this build reads 2 to 3")]
    public void Read_VersionOutsideTheReadableRange_Refused(int version, string expected)
    {
        var bytes = Written();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(VersionAt), version);
        File.WriteAllBytes(PathOf, Rehashed(bytes));

        Assert.Contains(expected, Refusal(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OldestReadableVersion_Loads()
    {
        var bytes = Written();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(VersionAt), 2);
        File.WriteAllBytes(PathOf, Rehashed(bytes));

        Assert.Equal([1f, 2f, 3f], Format.Read(PathOf).Payload);
    }

    [Theory]
    [InlineData(-1, "its header length is -1 (corrupted)")]
    [InlineData(int.MaxValue, "bytes, 2147483699 needed)")] // 8 + 12 + int.MaxValue + 32: no int overflow
    public void Read_HeaderLengthDamaged_Refused(int headerLength, string expected)
    {
        var bytes = Written();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(HeaderLengthAt), headerLength);
        File.WriteAllBytes(PathOf, bytes);

        Assert.Contains(expected, Refusal(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, "it holds 88 bytes, its lengths (header 24, -1 floats) call for 72 (corrupted)")]
    [InlineData(2, "it holds 88 bytes, its lengths (header 24, 2 floats) call for 84 (corrupted)")]
    [InlineData(4, "it is truncated (88 bytes, 92 needed)")]
    [InlineData(int.MaxValue, "it is truncated (88 bytes, 8589934664 needed)")] // 4 × int.MaxValue: no int overflow
    public void Read_CountDamaged_Refused(int count, string expected)
    {
        var bytes = Written();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(CountAt(bytes)), count);
        File.WriteAllBytes(PathOf, bytes);

        Assert.Contains(expected, Refusal(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BytesAfterTheChecksum_Refused()
    {
        File.WriteAllBytes(PathOf, [.. Written(), 0]);

        Assert.Contains("it holds 89 bytes, its lengths (header 24, 3 floats) call for 88 (corrupted)", Refusal(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Name":"x","Sizes":""", "its header is not what this build reads (")]
    [InlineData("""{"Name":1,"Sizes":[]}""", "its header is not what this build reads (")]
    [InlineData("null", "its header is null")]
    public void Read_HeaderNotTheCallersJson_Refused(string json, string expected)
    {
        File.WriteAllBytes(PathOf, WithHeader(Written(), Encoding.UTF8.GetBytes(json)));

        Assert.Contains(expected, Refusal(), StringComparison.Ordinal);
    }

    private byte[] Written()
    {
        Format.Write(PathOf, new Header("x", [3]), [1f, 2f, 3f]);
        return File.ReadAllBytes(PathOf);
    }

    /// <summary>The refusal's message, which must name the file.</summary>
    private string Refusal()
    {
        string message = Assert.Throws<InvalidDataException>(() => Format.Read(PathOf)).Message;
        Assert.StartsWith($"Test file '{PathOf}' is not usable: ", message, StringComparison.Ordinal);
        return message;
    }

    private static int CountAt(byte[] bytes) => HeaderAt + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(HeaderLengthAt));

    /// <summary>The same file with another header, its length and checksum set as a writer would have.</summary>
    private static byte[] WithHeader(byte[] bytes, byte[] json)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, json.Length);
        return Rehashed([.. bytes[..HeaderLengthAt], .. length, .. json, .. bytes[CountAt(bytes)..]]);
    }

    /// <summary>The checksum recomputed, as the writer of the changed bytes would have.</summary>
    private static byte[] Rehashed(byte[] bytes)
    {
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32), bytes.AsSpan(bytes.Length - 32));
        return bytes;
    }

    internal sealed record Header(string Name, IReadOnlyList<int> Sizes);
}
