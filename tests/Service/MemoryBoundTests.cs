namespace HybridSgd.Tests.Service;

[CollectionDefinition(nameof(MemoryBoundTests), DisableParallelization = true)]
public sealed class MemoryMeasurementCollection;

/// <summary>
/// Memory does not grow with the data fed: files are read through a cursor one segment at a time. Alone in its
/// collection (no other test runs meanwhile), since the managed heap is the process's.
/// </summary>
[Collection(nameof(MemoryBoundTests))]
public sealed class MemoryBoundTests : IDisposable
{
    private readonly ServiceFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Serve_TwentyFilesOfFourteenThousandRows_ManagedHeapDoesNotGrowWithTheData()
    {
        // One file: the breast cancer table 25 times, 14 225 rows × 30 features (4 MB of text, 1.7 MB as floats).
        string content = ServiceFiles.Csv(0, 569, repeat: 25);
        await using var host = await ServiceHost.StartAsync(_files, ["--Service:SegmentRows", "1000", "--batch-size", "32"]);
        _files.Drop("copy-00.csv", content);
        _files.Drop("copy-01.csv", content);
        await host.WaitForDoneAsync(2);
        long afterTwo = Heap();

        for (int i = 2; i < 20; i++)
        {
            _files.Drop($"copy-{i:D2}.csv", content);
        }

        await host.WaitForDoneAsync(20);
        long afterTwenty = Heap();

        Assert.Equal(20 * 14_225, host.Status().GetProperty("rows").GetInt64());

        // Holding the 18 later files' rows would take 31 MB as floats; allow a few MB of noise.
        Assert.True(afterTwenty - afterTwo < 6_000_000, $"managed heap {afterTwo / 1e6:F1} MB after 2 files, {afterTwenty / 1e6:F1} MB after 20");
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
