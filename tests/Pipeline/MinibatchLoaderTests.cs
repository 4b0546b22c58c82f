using HybridSgd.Pipeline.Data;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

public sealed class MinibatchLoaderTests
{
    [Fact]
    public async Task StopLandingAsAnEpochOpens_EndsTheStream_NotAnEmptyDataError()
    {
        var data = FashionMnistSubset.Load(100, 1);
        using var stop = new CancellationTokenSource();

        // The second cursor is the second epoch: stop exactly then, before it yields a row.
        var view = new CursorHookDataView(data.Train, cursor => { if (cursor == 2) stop.Cancel(); });
        var loader = new MinibatchLoader(TrainingRows.Streamed(data.Ml, view), new MinibatchPool(10, data.FeatureCount), epochs: null, shuffle: false, seed: 1, bufferedBatches: 100);

        await loader.RunAsync(stop.Token);

        Assert.True(loader.Output.TryReceiveAll(out var batches));
        Assert.Equal(10, batches.Count);
        await loader.Output.Completion;
    }

    [Fact]
    public async Task EmptyData_FaultsTheStreamWithAClearError()
    {
        var data = FashionMnistSubset.Load(100, 1);
        var empty = data.Ml.Data.SkipRows(data.Train, 100);
        var loader = new MinibatchLoader(TrainingRows.Streamed(data.Ml, empty), new MinibatchPool(10, data.FeatureCount), epochs: null, shuffle: false, seed: 1, bufferedBatches: 4);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => loader.RunAsync(CancellationToken.None));

        Assert.Contains("no usable rows", error.Message);
        await Assert.ThrowsAnyAsync<Exception>(() => loader.Output.Completion);
    }

    [Fact]
    public async Task ShortLastMinibatch_IsSentNotDropped()
    {
        var data = FashionMnistSubset.Load(25, 1);
        var loader = new MinibatchLoader(TrainingRows.Streamed(data.Ml, data.Train), new MinibatchPool(10, data.FeatureCount), epochs: 2, shuffle: true, seed: 1, bufferedBatches: 100);

        await loader.RunAsync(CancellationToken.None);

        Assert.True(loader.Output.TryReceiveAll(out var batches));
        Assert.Equal([10, 10, 5, 10, 10, 5], batches.Select(b => b.Count));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InMemoryRows_GiveEveryRowOncePerEpoch_AndTheCursorOrderWhenNotShuffled(bool shuffle)
    {
        var data = FashionMnistSubset.Load(250, 1);
        var inMemory = DenseDataset.FromDataView(data.Train);
        var fromMemory = await Rows(new MinibatchLoader(TrainingRows.InMemory(inMemory), new MinibatchPool(16, data.FeatureCount), epochs: 2, shuffle, seed: 3, bufferedBatches: 100));
        var fromCursor = await Rows(new MinibatchLoader(TrainingRows.Streamed(data.Ml, data.Train), new MinibatchPool(16, data.FeatureCount), epochs: 2, shuffle: false, seed: 3, bufferedBatches: 100));

        // Rows are identified by their features (Fashion-MNIST images are distinct).
        var epochs = fromMemory.Chunk(250).ToArray();
        Assert.Equal(2, epochs.Length);
        Assert.All(epochs, epoch => Assert.Equal(fromCursor.Take(250).Order(), epoch.Order()));
        if (shuffle)
        {
            Assert.NotEqual(epochs[0], epochs[1]);
            Assert.NotEqual(fromCursor.Take(250), epochs[0]);
        }
        else
        {
            Assert.Equal(fromCursor, fromMemory);
        }
    }

    [Fact]
    public void DenseDataset_FromAnEmptyView_IsEmpty()
    {
        var data = FashionMnistSubset.Load(10, 1);

        var empty = DenseDataset.FromDataView(data.Ml.Data.SkipRows(data.Train, 10));

        Assert.Equal(0, empty.Count);
        Assert.Empty(empty.Features);
    }

    private static async Task<string[]> Rows(MinibatchLoader loader)
    {
        await loader.RunAsync(CancellationToken.None);
        Assert.True(loader.Output.TryReceiveAll(out var batches));
        return batches
            .SelectMany(b => Enumerable.Range(0, b.Count).Select(r => $"{b.Labels[r]}:{string.Join(',', b.Row(r).ToArray())}"))
            .ToArray();
    }
}
