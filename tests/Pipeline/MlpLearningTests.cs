using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

public sealed class MlpLearningTests
{
    [Fact]
    public async Task Mlp_OnFashionMnistSubset_Hybrid_LearnsBeyondWhatALinearModelCan()
    {
        var data = FashionMnistSubset.Load(20_000, 2_000);
        var model = ModelFactory.Create(ModelFactory.Mlp, data.FeatureCount, data.ClassCount, [64]);

        // 8–10 epochs at η = 0.1: the hybrid ramp ends in k = 4 (steps of 4 × 64 rows), so 4 epochs are only ~460
        // updates and the last iterate landed anywhere in 0.73–0.83 across seeds. With these settings 12 seeds
        // gave accuracy 0.831–0.855 and log-loss 0.427–0.474. The default η = 0.05 was tuned for softmax. Under the
        // whole suite's load the async phase runs staler and one run in many fell short, so 10 epochs leave a margin.
        var options = new TrainingOptions { Mode = TrainingMode.Hybrid, Workers = 4, Epochs = 10, Stop = StopRule.Epochs, LearningRate = 0.1f, Seed = 11 };

        var result = await HybridTrainer.TrainAsync(data.InMemory, model, options, new TrainerEnvironment(), CancellationToken.None)
            .WaitAsync(TimeSpan.FromMinutes(2));

        // Under the whole suite's load the adaptive hybrid's last iterate still gave 0.8195 once at 10 epochs: the
        // accuracy bar only says it learned; the log-loss bar below is the check this test is for.
        Assert.True(data.Score(model, result.Weights).Accuracy >= 0.80, $"accuracy {data.Score(model, result.Weights).Accuracy}");

        // Softmax regression with the same data, mode and epochs stays at log-loss 0.534–0.541 (12 seeds): below
        // 0.50 the hidden layer is doing work that a linear model cannot.
        Assert.True(data.Score(model, result.Weights).LogLoss <= 0.50, $"log-loss {data.Score(model, result.Weights).LogLoss}");
    }
}
