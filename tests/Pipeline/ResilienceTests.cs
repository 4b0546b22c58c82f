using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

/// <summary>What a long-running service needs from a run: failing workers replaced, NaN never in the weights.</summary>
public sealed class ResilienceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(TrainingMode.Async)]
    [InlineData(TrainingMode.Sync)]
    public async Task ThrowingKernel_WithReplacement_IsReplacedAndTheMinibatchRetried(TrainingMode mode)
    {
        var data = FashionMnistSubset.Load(640, 100);
        var model = new InstrumentedModel(ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount), throwOn: new HashSet<int> { 7 });
        var log = new UpdateLog();
        var environment = new TrainerEnvironment { ReplaceFailedWorkers = true, OnUpdate = log.Record };

        var result = await HybridTrainer.TrainAsync(data.InMemory, model, TestOptions.Replay(mode, workers: 4, batchSize: 16), environment, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(640, result.Statistics.Examples);   // the failed minibatch was retried, nothing lost
        Assert.Equal(0, result.DroppedMinibatches);
        log.AssertEachGradientAppliedOnce();
        Assert.True(model.KernelsCreated >= 4 + 1, $"{model.KernelsCreated} kernels"); // workers + the replacement
    }

    [Fact]
    public async Task KernelFailingTwiceOnAMinibatch_DropsItAndTrainingGoesOn()
    {
        var data = FashionMnistSubset.Load(640, 100);

        // One worker: call 7 fails, its retry (call 8) fails too.
        var model = new InstrumentedModel(ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount), throwOn: new HashSet<int> { 7, 8 });
        var environment = new TrainerEnvironment { ReplaceFailedWorkers = true };

        var result = await HybridTrainer.TrainAsync(data.InMemory, model, TestOptions.Replay(TrainingMode.Async, workers: 1, batchSize: 16), environment, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(1, result.DroppedMinibatches);
        Assert.Equal(640 - 16, result.Statistics.Examples);
        Assert.Equal(39, result.Statistics.Updates);
    }

    [Fact]
    public async Task ThrowingKernel_WithoutReplacement_StillFaultsTheRun()
    {
        var data = FashionMnistSubset.Load(640, 100);
        var model = new InstrumentedModel(ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount), throwOn: new HashSet<int> { 7 });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HybridTrainer.TrainAsync(data.InMemory, model, TestOptions.Replay(TrainingMode.Async, workers: 2, batchSize: 16), new TrainerEnvironment(), CancellationToken.None).WaitAsync(Patience));
        Assert.Equal("injected failure at gradient call 7", error.Message);
    }

    [Fact]
    public async Task NanGradients_NeverReachTheWeights_AndRepeatsLowerTheLearningRate()
    {
        var data = FashionMnistSubset.Load(640, 100);
        var model = new InstrumentedModel(ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount), nanOn: new HashSet<int> { 5, 20, 21, 22 });
        var options = TestOptions.Replay(TrainingMode.Async, workers: 1, batchSize: 16);

        var result = await HybridTrainer.TrainAsync(data.InMemory, model, options, new TrainerEnvironment(), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(4, result.Statistics.SkippedUpdates);
        Assert.All(result.Weights, w => Assert.True(float.IsFinite(w)));
        Assert.Equal(options.LearningRate / 2, result.FinalLearningRate);  // three refusals in a row: halved once
        Assert.True(data.Score(model, result.Weights).Accuracy > 0.5, $"accuracy {data.Score(model, result.Weights).Accuracy}");
    }
}
