using System.Numerics.Tensors;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

public sealed class EndToEndTests
{
    [Theory]
    [InlineData(TrainingMode.Async)]
    [InlineData(TrainingMode.Sync)]
    [InlineData(TrainingMode.Hybrid)]
    public async Task Softmax_OnFashionMnistSubset_LearnsEveryClass(TrainingMode mode)
    {
        var data = FashionMnistSubset.Load(20_000, 2_000);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var options = new TrainingOptions { Mode = mode, Workers = 4, Epochs = 6, Stop = StopRule.Epochs, Seed = 11 };

        var result = await HybridTrainer.TrainAsync(data.InMemory, model, options, new TrainerEnvironment(), CancellationToken.None)
            .WaitAsync(TimeSpan.FromMinutes(2));

        // The last iterate of async SGD with 4 stale workers wanders around ~0.81 here (0.7995 seen in about one run
        // in fifteen; under the whole suite's load, with staler workers, hybrid's last iterate gave 0.777 and 0.743),
        // so the bar is set where "it learned" is certain (chance is 0.10), not at the typical figure. The per-class
        // recall below is the check this test is for.
        Assert.True(data.Score(model, result.Weights).Accuracy >= 0.70, $"{mode}: accuracy {data.Score(model, result.Weights).Accuracy}");

        // Guards against a class silently lost in key mapping (ML.NET keys are 1-based; 0 means missing): such a class
        // has recall 0. The bar is not higher because the wandering last iterate trades the look-alike classes
        // (coat, pullover, shirt) against each other: CI saw coat at 0.29 once in async mode, the rest fine.
        var recall = PerClassRecall(model, result.Weights, data);
        Assert.All(Enumerable.Range(0, 10), c => Assert.True(recall[c] > 0.1, $"class {c} recall {recall[c]:F2}"));
    }

    private static double[] PerClassRecall(IModel model, float[] weights, TestSplit data)
    {
        var kernel = model.CreateKernel();
        var probabilities = new float[model.OutputCount];
        var hits = new int[model.OutputCount];
        var totals = new int[model.OutputCount];
        for (int row = 0; row < data.Test.Count; row++)
        {
            kernel.Predict(weights, data.Test.Row(row), probabilities);
            int label = (int)data.Test.Labels[row];
            totals[label]++;
            hits[label] += TensorPrimitives.IndexOfMax(probabilities) == label ? 1 : 0;
        }

        return hits.Select((h, c) => totals[c] == 0 ? 0 : h / (double)totals[c]).ToArray();
    }
}
