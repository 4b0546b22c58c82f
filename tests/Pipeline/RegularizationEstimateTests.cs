using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace HybridSgd.Tests.Pipeline;

public sealed class RegularizationEstimateTests
{
    [Fact]
    public void Suggest_ForALinearClassifier_IsTheL2MlNetSdcaPicksOnTheSameRows()
    {
        // ML.NET says which L2 it chose in its log; the estimate must be the same penalty, or a comparison with SDCA
        // compares objectives instead of optimizers.
        var data = FashionMnistSubset.Load(640, 10);
        var ml = new MLContext(seed: 1);
        var logged = new List<string>();
        ml.Log += (_, e) =>
        {
            if (e.Message.Contains("L2 =", StringComparison.Ordinal))
            {
                lock (logged)
                {
                    logged.Add(e.Message);
                }
            }
        };
        var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            NumberOfThreads = 1,
            ConvergenceTolerance = 0.9f,   // the penalty is chosen before the first pass; no need to converge
        });
        trainer.Fit(ml.Transforms.Conversion.MapValueToKey("Label").Fit(data.Train).Transform(data.Train));

        string message = Assert.Single(logged);
        float sdca = float.Parse(message[(message.LastIndexOf('=') + 1)..].Trim().TrimEnd('.'), System.Globalization.CultureInfo.InvariantCulture);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);

        Assert.Equal(sdca, RegularizationEstimate.Suggest(model, 640), sdca * 1e-5f);
    }

    [Theory]
    [InlineData(ModelFactory.Logistic, LearningTask.Binary, 2, 413, 20.0 / (1815 * 413))]         // 500000/413 = 1210 planned × 3, half expected
    [InlineData(ModelFactory.Softmax, LearningTask.Multiclass, 10, 1_000_000, 20.0 / (2 * 1e6))]  // a pass or two: falls as 1/n
    [InlineData(ModelFactory.Softmax, LearningTask.Multiclass, 10, 100_000_000, 1e-6)]            // floor
    [InlineData(ModelFactory.Linear, LearningTask.Regression, 0, 413, RegularizationEstimate.Default)]
    [InlineData(ModelFactory.Mlp, LearningTask.Multiclass, 10, 413, RegularizationEstimate.Default)]
    public void Suggest_FollowsSdcaForLinearClassifiersOnly(string name, LearningTask task, int classes, long rows, double expected)
    {
        var model = ModelFactory.Create(name, task, 4, classes);

        Assert.Equal(expected, RegularizationEstimate.Suggest(model, rows), expected * 1e-5);
    }

    [Fact]
    public void Suggest_WithoutARowCount_IsTheDefault()
    {
        var model = ModelFactory.Create(ModelFactory.Softmax, LearningTask.Multiclass, 4, 3);

        Assert.Equal(RegularizationEstimate.Default, RegularizationEstimate.Suggest(model, null));
    }
}
