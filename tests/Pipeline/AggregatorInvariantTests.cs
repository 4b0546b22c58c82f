using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Policies;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

/// <summary>Nothing lost, nothing applied twice, every update of the size k in force — under real concurrency.</summary>
public sealed class AggregatorInvariantTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(TrainingMode.Async, 4)]
    [InlineData(TrainingMode.Sync, 4)]
    [InlineData(TrainingMode.Hybrid, 3)]
    public async Task EveryGradientProduced_IsAppliedExactlyOnce(TrainingMode mode, int workers)
    {
        var data = FashionMnistSubset.Load(1000, 50);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var options = TestOptions.Replay(mode, workers, batchSize: 7, epochs: 2);
        var log = new UpdateLog();

        var result = await HybridTrainer.TrainAsync(data.InMemory, model, options, new TrainerEnvironment { OnUpdate = log.Record }, CancellationToken.None)
            .WaitAsync(Patience);

        int minibatches = 2 * ((1000 + 6) / 7);
        Assert.Equal(minibatches, log.GradientCount);
        Assert.Equal(minibatches, result.Statistics.Gradients);
        Assert.Equal(2000, result.Statistics.Examples);
        Assert.Equal(log.Updates.Count, result.Statistics.Updates);
        log.AssertEachGradientAppliedOnce();
        Assert.All(log.Updates, u => Assert.Equal(u.Threshold, u.Gradients.Count));
    }

    [Fact]
    public async Task ConstantThreshold_UpdatesHaveThatSize_UntilWorkersRunDry()
    {
        var data = FashionMnistSubset.Load(1000, 50);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var options = TestOptions.Replay(TrainingMode.Hybrid, workers: 4, batchSize: 10);
        var log = new UpdateLog();

        var result = await HybridTrainer.TrainAsync(data.InMemory, model, new ConstantPolicy(3), options, new TrainerEnvironment { OnUpdate = log.Record }, CancellationToken.None)
            .WaitAsync(Patience);

        // 100 minibatches: 33 updates of 3, and the last one flushed (not dropped) once workers retire.
        Assert.Equal(100, log.GradientCount);
        Assert.True(log.Updates.Count(u => u.Gradients.Count == 3) >= 32, $"only {log.Updates.Count(u => u.Gradients.Count == 3)} updates of 3");
        Assert.All(result.ThresholdChanges, c => Assert.Equal(ThresholdReason.WorkersRetired, c.Reason));
        log.AssertEachGradientAppliedOnce();
    }

    [Fact]
    public async Task LiveRetune_ManyChangesUnderLoadWithSlowWorker_LosesNothing()
    {
        var data = FashionMnistSubset.Load(600, 50);
        var model = new InstrumentedModel(
            ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount), slowKernelRepeats: 50);
        var options = TestOptions.Replay(TrainingMode.Hybrid, workers: 4, batchSize: 5, epochs: 3);
        var policy = new PatternPolicy([1, 3, 2, 4, 1, 4, 2], period: 0.03);
        var log = new UpdateLog();

        var result = await HybridTrainer.TrainAsync(data.InMemory, model, policy, options, new TrainerEnvironment { OnUpdate = log.Record }, CancellationToken.None)
            .WaitAsync(Patience);

        Assert.True(result.ThresholdChanges.Count(c => c.Reason == ThresholdReason.Progress) >= 10, $"only {result.ThresholdChanges.Count} changes");
        Assert.Equal(3 * 120, log.GradientCount);
        Assert.Equal(1800, result.Statistics.Examples);
        log.AssertEachGradientAppliedOnce();
        Assert.All(log.Updates, u => Assert.Equal(u.Threshold, u.Gradients.Count));
        Assert.Contains(log.Updates, u => u.Threshold == 1);
        Assert.Contains(log.Updates, u => u.Threshold == 4);
    }

    [Fact]
    public async Task Sync_FewerMinibatchesThanWorkers_CompletesWithOnePartialRound()
    {
        var data = FashionMnistSubset.Load(30, 50);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var log = new UpdateLog();

        var result = await HybridTrainer.TrainAsync(data.InMemory, model, TestOptions.Replay(TrainingMode.Sync, workers: 8, batchSize: 10), new TrainerEnvironment { OnUpdate = log.Record }, CancellationToken.None)
            .WaitAsync(Patience);

        Assert.Equal(1, result.Statistics.Updates);
        Assert.Equal(3, log.Updates.Single().Gradients.Count);
    }
}
