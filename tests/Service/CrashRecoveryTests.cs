using HybridSgd.Embedding.Checkpoints;
using HybridSgd.Pipeline.Persistence;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Tests.Service;

/// <summary>
/// A service that dies at any moment resumes from its newest whole checkpoint: every fed row is learned from exactly
/// once in the surviving history (rows consumed before the checkpoint + rows read again after = rows fed).
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly ServiceFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Serve_CrashMidFileThenRestart_NoRowLostNoneTwice()
    {
        const int Files = 4;
        const int Repeat = 4;
        int fed = Files * 569 * Repeat;
        string[] fast = ["--Service:SegmentRows", "40", "--Service:CheckpointInterval", "1ms", "--batch-size", "8"];

        await using (var first = await ServiceHost.StartAsync(_files, fast, crashOnStop: true))
        {
            for (int i = 0; i < Files; i++)
            {
                _files.Drop($"part-{i}.csv", ServiceFiles.Csv(0, 569, Repeat));
            }

            await first.WaitUntilAsync(() => ServiceHost.Checkpoint(_files) is { Checkpoint.Totals.Rows: > 569 * Repeat }, "more than a file's rows are checkpointed");
            await first.CrashAsync();
        }

        var atCrash = ServiceHost.Checkpoint(_files)!;
        long consumedBefore = atCrash.Checkpoint.Totals.Rows;
        Assert.InRange(consumedBefore, 1, fed - 1);
        Assert.Contains(atCrash.Checkpoint.Sources, s => s is { Completed: false, Rows: > 0 });
        SavedModel.Load(_files.ModelDirectory); // loadable as the crash left it

        await using (var second = await ServiceHost.StartAsync(_files))
        {
            await second.WaitForDoneAsync(Files);
            Assert.Contains(second.Logs.Lines, l => l.Message.StartsWith("Resumed from", StringComparison.Ordinal));
            Assert.Contains(second.Logs.Lines, l => l.Message.Contains("resuming after row", StringComparison.Ordinal));
        }

        var final = ServiceHost.Checkpoint(_files)!.Checkpoint;
        Assert.Equal(fed, final.Totals.Rows);
        Assert.Equal(fed, final.Totals.Examples);
        Assert.Equal(Files, final.Totals.FilesDone);
        Assert.All(final.Sources, s => Assert.True(s.Completed)); // listed, fully consumed, by the checkpoint that released them
        Assert.Equal(Files, Directory.GetFiles(_files.Done).Length);
    }

    [Fact]
    public async Task Serve_NewestCheckpointCorrupt_ResumesFromThePreviousWithAWarningAndLosesNothing()
    {
        string[] fast = ["--Service:SegmentRows", "100", "--Service:CheckpointInterval", "1ms"];
        await using (var first = await ServiceHost.StartAsync(_files, fast))
        {
            _files.Drop("a.csv", ServiceFiles.Csv(0, 300));
            _files.Drop("b.csv", ServiceFiles.Csv(300, 569));
            await first.WaitForDoneAsync(2);
        }

        var store = new CheckpointStore(_files.ModelDirectory);
        CheckpointStoreTests.Damage(store.CurrentPath, "flip");
        var previous = store.Load([])!;
        Assert.True(previous.IsPrevious);

        await using (var second = await ServiceHost.StartAsync(_files, fast))
        {
            _files.Drop("c.csv", ServiceFiles.Csv(0, 100));
            await second.WaitForDoneAsync(3);
            Assert.Contains(second.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("checksum does not match its content (corrupted). Using the previous one.", StringComparison.Ordinal));
        }

        // The previous checkpoint already held every row of a.csv and b.csv: a file leaves the inbox only when both do.
        var final = ServiceHost.Checkpoint(_files)!.Checkpoint;
        Assert.Equal(669, final.Totals.Rows);
    }

    [Fact]
    public async Task Serve_ModelFileOneCheckpointBehind_IsRewrittenAtTheNextStart_EvenWithNothingToTrain()
    {
        string modelPath = Path.Combine(_files.ModelDirectory, "model.hsgd");
        byte[] behind;
        await using (var first = await ServiceHost.StartAsync(_files))
        {
            _files.Drop("a.csv", ServiceFiles.Csv(0, 300));
            await first.WaitForDoneAsync(1);
            behind = await File.ReadAllBytesAsync(modelPath);
            _files.Drop("b.csv", ServiceFiles.Csv(300, 569));
            await first.WaitForDoneAsync(2);
        }

        // A crash between the checkpoint's rename and the model file's write: the checkpoint holds b.csv's rows,
        // model.hsgd only a.csv's.
        await File.WriteAllBytesAsync(modelPath, behind);
        Assert.NotEqual(ServiceHost.Checkpoint(_files)!.Weights, ModelFile.Load(modelPath).Weights);

        await using (var idle = await ServiceHost.StartAsync(_files))
        {
            await idle.WaitUntilAsync(() => idle.Logs.Lines.Any(l => l.Message.StartsWith("Resumed from", StringComparison.Ordinal)), "resumed");
        }

        Assert.Equal(ServiceHost.Checkpoint(_files)!.Weights, ModelFile.Load(modelPath).Weights);
    }
}
