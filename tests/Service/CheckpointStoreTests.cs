using HybridSgd.Host.Service.Checkpoints;
using HybridSgd.Pipeline.Persistence;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Service;

/// <summary>Checkpoints are written atomically, checked by SHA-256, and the previous one is kept as the fallback.</summary>
public sealed class CheckpointStoreTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Load_AfterTwoWrites_NewestWithItsWeightsAndSources()
    {
        var store = new CheckpointStore(_scratch.Path);
        store.Write(Checkpoint(rows: 100), [1f, 2f]);
        store.Write(Checkpoint(rows: 200), [3f, 4f]);

        var loaded = store.Load([])!;
        Assert.False(loaded.IsPrevious);
        Assert.Equal(200, loaded.Checkpoint.Totals.Rows);
        Assert.Equal([3f, 4f], loaded.Weights);
        Assert.Equal("a.csv", Assert.Single(loaded.Checkpoint.Sources).Name);
        Assert.Equal(0.025f, loaded.Checkpoint.LearningRate);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("empty")]
    public void Load_NewestCorrupt_PreviousWithTheReason(string damage)
    {
        var store = new CheckpointStore(_scratch.Path);
        store.Write(Checkpoint(rows: 100), [1f, 2f]);
        store.Write(Checkpoint(rows: 200), [3f, 4f]);
        Damage(store.CurrentPath, damage);

        var rejected = new List<string>();
        var loaded = store.Load(rejected)!;

        Assert.True(loaded.IsPrevious);
        Assert.Equal(100, loaded.Checkpoint.Totals.Rows);
        Assert.Equal([1f, 2f], loaded.Weights);
        Assert.Contains(CheckpointStore.FileName, Assert.Single(rejected), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CrashAfterWritingTheTemporaryFile_NewestCompleteOneStands()
    {
        var store = new CheckpointStore(_scratch.Path);
        store.Write(Checkpoint(rows: 100), [1f, 2f]);

        // The crash: the next checkpoint's temporary file was written (even half) but never renamed.
        File.WriteAllBytes(store.TemporaryPath, new byte[10]);

        var loaded = store.Load([])!;
        Assert.False(loaded.IsPrevious);
        Assert.Equal(100, loaded.Checkpoint.Totals.Rows);
    }

    [Fact]
    public void Load_CrashBetweenTheTwoRenames_PreviousIsTheNewestWhole()
    {
        var store = new CheckpointStore(_scratch.Path);
        store.Write(Checkpoint(rows: 100), [1f, 2f]);
        store.Write(Checkpoint(rows: 200), [3f, 4f]);

        // current → prev done, temporary → current not: only the previous file is there.
        File.Move(store.CurrentPath, store.PreviousPath, overwrite: true);

        var loaded = store.Load([])!;
        Assert.True(loaded.IsPrevious);
        Assert.Equal(200, loaded.Checkpoint.Totals.Rows);
    }

    [Fact]
    public void Load_NothingWritten_Null() => Assert.Null(new CheckpointStore(_scratch.Path).Load([]));

    internal static void Damage(string path, string how)
    {
        var bytes = File.ReadAllBytes(path);
        switch (how)
        {
            case "flip":
                bytes[bytes.Length / 2] ^= 0x10;
                File.WriteAllBytes(path, bytes);
                break;
            case "truncate":
                File.WriteAllBytes(path, bytes[..(bytes.Length - 7)]);
                break;
            default:
                File.WriteAllBytes(path, []);
                break;
        }
    }

    private static Checkpoint Checkpoint(long rows) => new()
    {
        SavedUtc = DateTimeOffset.UnixEpoch,
        Model = new ModelHeader("logistic", 1, 1, ["0", "1"], "service"),
        LearningRate = 0.025f,
        Totals = new TrainingTotals(Rows: rows, Updates: rows / 10),
        Sources = [new SourcePosition("a.csv", false, 1234, "ABCD", rows, false, 0)],
    };
}
