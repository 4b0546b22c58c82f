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

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));
        Assert.Contains($"Model file '{path}' is not usable: it is truncated", error.Message, StringComparison.Ordinal);
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

    /// <summary>A version 1 file as builds before b103f9e wrote it: no task or data spec in its header.</summary>
    private const string Version1File =
        "SFNHRE1PREwBAAAAcwAAAHsiTW9kZWwiOiJzb2Z0bWF4IiwiRmVhdHVyZUNvdW50IjoxLCJPdXRwdXRDb3VudCI6MiwiQ2xhc3NOYW1lcyI6WyJhIiwiYiJdLCJEYXRhc2V0Ijoib2xkLWJ1aWxkIiwiSGlkZGVuTGF5ZXJzIjpbXX0EAAAAAACAPwAAAMAAAAA/AACAQG6KcFEey+SOaKcy1SbcRP+0vj2eo/8HOT8VGad90wXy";

    /// <summary>A version 2 file as ModelFile wrote it at 5370844 (logistic, binary, 3 weights).</summary>
    private const string Version2File =
        "SFNHRE1PREwCAAAAkwAAAHsiTW9kZWwiOiJsb2dpc3RpYyIsIkZlYXR1cmVDb3VudCI6MiwiT3V0cHV0Q291bnQiOjEsIkNsYXNzTmFtZXMiOlsibm8iLCJ5ZXMiXSwiRGF0YXNldCI6Im9sZC1idWlsZCIsIkhpZGRlbkxheWVycyI6W10sIlRhc2siOiJCaW5hcnkiLCJEYXRhIjpudWxsfQMAAAAAAAA/AACgvwAAQEBxrVegYpah1L6mJfjzcvA/QQs7qynX8Ds2x4JnPTPhug==";

    [Fact]
    public void Load_Version1FileOfAnEarlierBuild_MulticlassWithItsWeights()
    {
        var (header, weights) = LoadBytes(Convert.FromBase64String(Version1File));

        Assert.Equal(("softmax", 1, 2, LearningTask.Multiclass, "old-build"), (header.Model, header.FeatureCount, header.OutputCount, header.Task, header.Dataset));
        Assert.Equal(["a", "b"], header.ClassNames);
        Assert.Equal([1f, -2f, 0.5f, 4f], weights);
    }

    [Fact]
    public void Load_Version2FileOfAnEarlierBuild_ItsHeaderAndWeights()
    {
        var (header, weights) = LoadBytes(Convert.FromBase64String(Version2File));

        Assert.Equal(("logistic", 2, 1, LearningTask.Binary, "old-build"), (header.Model, header.FeatureCount, header.OutputCount, header.Task, header.Dataset));
        Assert.Equal(["no", "yes"], header.ClassNames);
        Assert.Equal([0.5f, -1.25f, 3f], weights);
    }

    [Fact]
    public void Save_SameModelAsTheEarlierBuild_SameBytes()
    {
        string path = Path.Combine(_directory, "m.hsgd");

        ModelFile.Save(path, new ModelHeader("logistic", 2, 1, ["no", "yes"], "old-build", [], LearningTask.Binary), [0.5f, -1.25f, 3f]);

        Assert.Equal(Convert.FromBase64String(Version2File), File.ReadAllBytes(path));
    }

    private (ModelHeader Header, float[] Weights) LoadBytes(byte[] bytes)
    {
        string path = Path.Combine(_directory, "earlier.hsgd");
        File.WriteAllBytes(path, bytes);
        return ModelFile.Load(path);
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
