using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

public sealed class LearningRateScheduleTests
{
    [Theory]
    [InlineData(LearningRateDecay.None, 0.0, 1.0)]
    [InlineData(LearningRateDecay.None, 1.0, 1.0)]
    [InlineData(LearningRateDecay.Linear, 0.0, 1.0)]
    [InlineData(LearningRateDecay.Linear, 0.5, 0.55)]
    [InlineData(LearningRateDecay.Linear, 1.0, 0.1)]
    [InlineData(LearningRateDecay.Cosine, 0.0, 1.0)]
    [InlineData(LearningRateDecay.Cosine, 0.5, 0.55)]
    [InlineData(LearningRateDecay.Cosine, 1.0, 0.1)]
    [InlineData(LearningRateDecay.Cosine, 7.0, 0.1)]
    public void FactorAt_FollowsTheDecay(LearningRateDecay decay, double progress, double expected)
    {
        Assert.Equal(expected, new LearningRateSchedule(decay, 0.1f).FactorAt(progress), 5);
    }

    [Fact]
    public async Task Decay_ScalesEveryStep_ExactlyAsALowerLearningRateWould()
    {
        var data = FashionMnistSubset.Load(320, 50);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var options = TestOptions.Replay(TrainingMode.Async, workers: 1, batchSize: 16) with
        {
            LearningRateDecay = LearningRateDecay.Linear,
            FinalLearningRateFraction = 0.5f,
        };

        // Progress pinned at 1: every step uses the final fraction of η.
        var result = await HybridTrainer.TrainAsync(data.InMemory, model, options, new TrainerEnvironment { Progress = _ => 1 }, CancellationToken.None);

        var expected = SequentialSgd.Train(model, DenseDataset.FromDataView(data.Train), 16, options.LearningRate!.Value * 0.5f, options.L2!.Value, options.Seed);
        Assert.Equal(expected, result.Weights);
    }
}
