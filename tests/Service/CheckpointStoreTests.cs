using HybridSgd.Embedding.Checkpoints;
using HybridSgd.Pipeline.Data;
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
    [InlineData("flip", "its SHA-256 checksum does not match")]
    [InlineData("truncate", "it is truncated")]
    [InlineData("empty", "it is truncated (0 bytes")]
    public void Load_NewestCorrupt_PreviousWithTheReason(string damage, string reason)
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
        Assert.StartsWith($"Checkpoint '{store.CurrentPath}' is not usable: {reason}", Assert.Single(rejected), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_StateThatCannotBeWritten_BothCheckpointsUntouched()
    {
        var store = new CheckpointStore(_scratch.Path);
        store.Write(Checkpoint(rows: 100), [1f, 2f]);
        store.Write(Checkpoint(rows: 200), [3f, 4f]);

        // JSON has no NaN: the write fails before either file is touched.
        Assert.ThrowsAny<ArgumentException>(() => store.Write(Checkpoint(rows: 300) with { LearningRate = float.NaN }, [5f, 6f]));

        var loaded = store.Load([])!;
        Assert.Equal((false, 200L), (loaded.IsPrevious, loaded.Checkpoint.Totals.Rows));
        File.Delete(store.CurrentPath);
        Assert.Equal(100, store.Load([])!.Checkpoint.Totals.Rows);
        Assert.Single(Directory.GetFiles(_scratch.Path));
    }

    [Fact]
    public void Load_CrashAfterWritingTheTemporaryFile_NewestCompleteOneStands()
    {
        var store = new CheckpointStore(_scratch.Path);
        store.Write(Checkpoint(rows: 100), [1f, 2f]);

        // The crash: the next checkpoint's temporary file was written (even half) but never renamed.
        File.WriteAllBytes(AtomicFile.TemporaryPathFor(store.CurrentPath), new byte[10]);

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

    /// <summary>A checkpoint as CheckpointCodec wrote it at 5370844 (format 1; 100 rows of a.csv, weights 1 and 2).</summary>
    private const string Version1File =
        "SFNHRENLUFQBAAAAjAIAAHsiVmVyc2lvbiI6MSwiU2F2ZWRVdGMiOiIxOTcwLTAxLTAxVDAwOjAwOjAwKzAwOjAwIiwiTW9kZWwiOnsiTW9kZWwiOiJsb2dpc3RpYyIsIkZlYXR1cmVDb3VudCI6MSwiT3V0cHV0Q291bnQiOjEsIkNsYXNzTmFtZXMiOlsiMCIsIjEiXSwiRGF0YXNldCI6InNlcnZpY2UiLCJIaWRkZW5MYXllcnMiOltdLCJUYXNrIjoiQmluYXJ5IiwiRGF0YSI6bnVsbH0sIkxlYXJuaW5nUmF0ZSI6MC4wMjUsIlRvdGFscyI6eyJSb3dzIjoxMDAsIkV4YW1wbGVzIjowLCJVcGRhdGVzIjoxMCwiVHJhaW5pbmdTZWNvbmRzIjowLCJTZWdtZW50cyI6MCwiU2tpcHBlZFJvd3MiOjAsIkRyb3BwZWRNaW5pYmF0Y2hlcyI6MCwiUHJvZ3Jlc3NpdmVFeGFtcGxlcyI6MCwiUHJvZ3Jlc3NpdmVMb3NzU3VtIjowLCJQcm9ncmVzc2l2ZVNjb3JlZCI6MCwiUHJvZ3Jlc3NpdmVDb3JyZWN0IjowLCJGaWxlc0RvbmUiOjAsIkZpbGVzRmFpbGVkIjowLCJQcm9ncmVzc2l2ZUxvc3MiOm51bGwsIlByb2dyZXNzaXZlQWNjdXJhY3kiOm51bGx9LCJTb3VyY2VzIjpbeyJOYW1lIjoiYS5jc3YiLCJGcm9tU3Bvb2wiOmZhbHNlLCJMZW5ndGgiOjEyMzQsIkZpbmdlcnByaW50IjoiQUJDRCIsIlJvd3MiOjEwMCwiQ29tcGxldGVkIjpmYWxzZSwiQ29tcGxldGVkQ2hlY2twb2ludHMiOjB9XX0CAAAAAACAPwAAAEBxdJKHwy7moTgbZ/hcXfn5455MF+zvTleDBx2+PvX7jQ==";

    [Fact]
    public void Load_CheckpointOfAnEarlierBuild_ItsStateAndWeights()
    {
        var store = new CheckpointStore(_scratch.Path);
        Directory.CreateDirectory(_scratch.Path);
        File.WriteAllBytes(store.CurrentPath, Convert.FromBase64String(Version1File));

        var loaded = store.Load([])!;

        Assert.False(loaded.IsPrevious);
        Assert.Equal((100L, 10L, 0.025f), (loaded.Checkpoint.Totals.Rows, loaded.Checkpoint.Totals.Updates, loaded.Checkpoint.LearningRate));
        Assert.Equal(("logistic", LearningTask.Binary), (loaded.Checkpoint.Model.Model, loaded.Checkpoint.Model.Task));
        Assert.Equal(new SourcePosition("a.csv", false, 1234, "ABCD", 100, false, 0), Assert.Single(loaded.Checkpoint.Sources));
        Assert.Equal([1f, 2f], loaded.Weights);
    }

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
