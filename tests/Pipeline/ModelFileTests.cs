using System.Buffers.Binary;
using System.Security.Cryptography;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Persistence;

namespace HybridSgd.Tests.Pipeline;

public sealed class ModelFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hybridsgd-model").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void SaveThenLoad_ReturnsTheSameHeaderAndWeights()
    {
        string path = Path.Combine(_directory, "m.hsgd");
        var header = new ModelHeader("softmax", 3, 2, ["a", "b"], "test");
        float[] weights = [1f, -2.5f, float.Epsilon, 3f, 4f, 5f, 6f, 7f];

        ModelFile.Save(path, header, weights);
        var (loadedHeader, loadedWeights) = ModelFile.Load(path);

        Assert.Equal(header.Model, loadedHeader.Model);
        Assert.Equal(header.ClassNames, loadedHeader.ClassNames);
        Assert.Equal(weights, loadedWeights);
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void FlippedByte_IsDetected()
    {
        string path = Path.Combine(_directory, "m.hsgd");
        ModelFile.Save(path, new ModelHeader("softmax", 1, 1, [], "test"), [1f, 2f]);
        var bytes = File.ReadAllBytes(path);
        bytes[^40] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));
        Assert.Contains("checksum", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Truncated_IsDetected()
    {
        string path = Path.Combine(_directory, "m.hsgd");
        ModelFile.Save(path, new ModelHeader("softmax", 1, 1, [], "test"), [1f, 2f]);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^7]);

        Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void FormatVersion_OlderLoads_NewerIsRefused(int version, bool loads)
    {
        string path = Path.Combine(_directory, "m.hsgd");
        ModelFile.Save(path, new ModelHeader("softmax", 1, 1, [], "test"), [1f, 2f]);
        WithVersion(path, version);

        if (loads)
        {
            Assert.Equal(LearningTask.Multiclass, ModelFile.Load(path).Header.Task);
        }
        else
        {
            Assert.Contains("format version 3", Assert.Throws<InvalidDataException>(() => ModelFile.Load(path)).Message);
        }
    }

    /// <summary>Rewrites the file's version field (after the 8-byte signature) and its checksum, as that version's writer would have.</summary>
    private static void WithVersion(string path, int version)
    {
        var bytes = File.ReadAllBytes(path);
        int body = bytes.Length - SHA256.HashSizeInBytes;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8, 4), version);
        SHA256.HashData(bytes.AsSpan(0, body)).CopyTo(bytes.AsSpan(body));
        File.WriteAllBytes(path, bytes);
    }
}
