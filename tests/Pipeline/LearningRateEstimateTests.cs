using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

public sealed class LearningRateEstimateTests
{
    [Fact]
    public void SecondMoment_OfIdenticalRows_IsTheSquaredNormWithTheBias()
    {
        // Every row x = (1, 2): E[x̃x̃ᵀ] = x̃x̃ᵀ with x̃ = (1, 2, 1), whose only non-zero eigenvalue is |x̃|² = 6.
        var rows = TinyData.Rows([[1, 2], [1, 2], [1, 2]], [0, 1, 0]);

        Assert.Equal(6, LearningRateEstimate.LargestSecondMoment(rows), 6);
    }

    [Theory]
    [InlineData(ModelFactory.Linear, LearningTask.Regression, 0, 0.5 / 6)]           // curvature 1
    [InlineData(ModelFactory.Logistic, LearningTask.Binary, 2, 0.5 / (0.25 * 6))]   // σ'(0) = 1/4
    [InlineData(ModelFactory.Softmax, LearningTask.Multiclass, 3, 0.5 / (6.0 / 3))] // 1/K for K = 3
    public void Suggest_IsHalfTheInverseCurvature(string name, LearningTask task, int classes, double expected)
    {
        var rows = TinyData.Rows([[1, 2], [1, 2], [1, 2]], [0, 1, 0]);
        var model = ModelFactory.Create(name, task, 2, classes);

        Assert.Equal(expected, LearningRateEstimate.Suggest(model, rows), 4);
    }

    [Fact]
    public void Suggest_OnFashionMnist_IsNearTheTestedDefault()
    {
        var data = FashionMnistSubset.Load(4096, 10);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);

        Assert.InRange(LearningRateEstimate.Suggest(model, DenseDataset.FromDataView(data.Train)), 0.03, 0.07);
    }

    [Fact]
    public void Suggest_ForAnMlp_IsTheDefault()
    {
        var rows = TinyData.Rows([[1, 2]], [0]);
        var model = ModelFactory.Create(ModelFactory.Mlp, LearningTask.Multiclass, 2, 2);

        Assert.Equal(LearningRateEstimate.Default, LearningRateEstimate.Suggest(model, rows));
    }

    [Theory]
    [InlineData(54_000L, 4, 64)] // Fashion-MNIST keeps the tested 64
    [InlineData(1_294L, 4, 5)]   // digits: 64 minibatches per worker per epoch
    [InlineData(107L, 4, 2)]     // iris: never below 2 (the noise probe splits a minibatch in halves)
    [InlineData(null, 4, 64)]    // a stream of unknown length
    public void AutoBatchSize_GivesEachWorker64MinibatchesPerEpoch(long? rows, int workers, int expected) =>
        Assert.Equal(expected, TrainingOptions.AutoBatchSize(rows, workers));
}
