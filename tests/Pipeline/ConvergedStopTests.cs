using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Policies;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

/// <summary>A run with no horizon at all ends by itself, on real rows, with the adaptive policy settled.</summary>
public sealed class ConvergedStopTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task NoBudgetNoEpochs_EndsConverged_WithKSettledAndAGoodModel()
    {
        var options = new TrainingOptions { Mode = TrainingMode.Hybrid, Workers = 4, Seed = 5 };

        var (data, model, result) = await TrainOnSubsetAsync(options);

        Assert.Equal(RunEnd.Converged, result.EndedBy);
        Assert.Null(options.Budget);
        Assert.Equal("adaptive", result.Policy);
        Assert.True(result.ValidationLoss > 0);
        Assert.True(result.FinalLearningRate < result.LearningRate, "the plateaus halved the learning rate before the run ended");
        Assert.Contains(result.ThresholdChanges, c => c.ByPolicy && c.NewThreshold == 4);
        Assert.True(data.Score(model, result.Weights).Accuracy > 0.75, $"accuracy {data.Score(model, result.Weights).Accuracy}");
    }

    [Fact]
    public async Task ConvergedStop_WithACap_TreatsItAsASafetyNet_NotAsThePlannedEnd()
    {
        // With a budget the run is meant to use up, the adaptive policy's end floor raises k from a quarter of it (here
        // 0.1 s); a converged run usually stops well before its cap, and the floor made it settle early and end worse.
        var options = new TrainingOptions { Mode = TrainingMode.Hybrid, Workers = 4, Seed = 5, Budget = new Duration(TimeSpan.FromMilliseconds(400)) };

        var (_, _, result) = await TrainOnSubsetAsync(options);

        Assert.DoesNotContain(result.ThresholdChanges, c => c.Reason == ThresholdReason.NearingEnd);
        Assert.Contains(result.EndedBy, new[] { RunEnd.Converged, RunEnd.Budget });
    }

    /// <summary>Softmax on 4,000 Fashion-MNIST rows, a tenth of them held out for the converged stop.</summary>
    private static async Task<(TestSplit Data, IModel Model, TrainingResult Result)> TrainOnSubsetAsync(TrainingOptions options)
    {
        var subset = FashionMnistSubset.Load(4000, 1000);
        var (train, validation) = subset.TrainRows.Split(0.1, seed: 3);
        var data = subset with { Validation = validation };
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var result = await HybridTrainer.TrainAsync(
            new TrainingSet(data.Name, TrainingRows.InMemory(train), data.Task, data.ClassCount, validation), model, options, new TrainerEnvironment(), CancellationToken.None)
            .WaitAsync(Patience);
        return (data, model, result);
    }

    [Fact]
    public async Task ConvergedStop_WithoutValidationRows_IsRefused()
    {
        var data = FashionMnistSubset.Load(200, 10);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            HybridTrainer.TrainAsync(data.InMemory, model, new TrainingOptions(), new TrainerEnvironment(), CancellationToken.None));

        Assert.Contains("Training:Stop", error.Message);
    }
}
