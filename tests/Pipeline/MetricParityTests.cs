using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

/// <summary>
/// The learning curve's fast evaluator and the report's ML.NET metrics must tell the same story: the same
/// accuracy and log-loss on the same weights (ML.NET clamps probabilities the same way).
/// </summary>
public sealed class MetricParityTests
{
    [Fact]
    public async Task Multiclass_EvaluatorAgreesWithMlNet()
    {
        var data = FashionMnistSubset.Load(2_000, 1_000);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var result = await Train(data, model);

        var metrics = data.Metrics(model, result.Weights);
        Assert.Equal(data.Score(model, result.Weights).Accuracy!.Value, metrics.Accuracy!.Value, 9);
        Assert.Equal(data.Score(model, result.Weights).LogLoss!.Value, metrics.LogLoss!.Value, 5);
        Assert.InRange(metrics.MacroAccuracy!.Value, 0.5, 1);
        Assert.Equal(1_000, metrics.Count);
    }

    [Theory]
    [InlineData(ModelFactory.Logistic)]
    [InlineData(ModelFactory.Softmax)]
    public async Task Binary_EvaluatorAgreesWithMlNet(string name)
    {
        var data = FashionMnistFootwear.Load(2_000, 1_000);
        var model = ModelFactory.Create(name, LearningTask.Binary, data.FeatureCount, 2);
        var result = await Train(data, model);

        var metrics = data.Metrics(model, result.Weights);
        Assert.Equal(data.Score(model, result.Weights).Accuracy!.Value, metrics.Accuracy!.Value, 9);
        // ML.NET's binary log-loss is in bits, the curve's in nats.
        Assert.Equal(data.Score(model, result.Weights).LogLoss!.Value / Math.Log(2), metrics.LogLoss!.Value, 4);
        Assert.True(metrics.Auc > 0.95, $"AUC {metrics.Auc}");
        Assert.InRange(metrics.F1!.Value, 0.8, 1);
    }

    private static Task<TrainingResult> Train(TestSplit data, IModel model) =>
        HybridTrainer.TrainAsync(data.InMemory, model, new TrainingOptions { Mode = TrainingMode.Sync, Workers = 2, Epochs = 2, Stop = StopRule.Epochs, Seed = 3 }, new TrainerEnvironment(), CancellationToken.None)
            .WaitAsync(TimeSpan.FromMinutes(1));
}
