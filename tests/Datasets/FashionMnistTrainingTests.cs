using HybridSgd.Datasets;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace HybridSgd.Tests.Datasets;

/// <summary>
/// Guards the key-type trap: ML.NET keys are 1-based and 0 means "missing", so a 0-based label silently
/// drops class 0. A real trainer and evaluator must see all ten classes and their names.
/// </summary>
public sealed class FashionMnistTrainingTests
{
    [Fact]
    public void Sdca_OnFirst2000TrainingRows_PredictsAllTenClassesOnTest()
    {
        var ml = new MLContext(seed: 1);
        var split = FashionMnist.Load(ml, DatasetLocator.ResolveFashionMnistDirectory(null));

        // The view cannot shuffle (gzip is sequential); the cache can, and gives SDCA its several passes cheaply.
        var train = ml.Data.Cache(ml.Data.TakeRows(split.Train, 2000));
        var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            MaximumNumberOfIterations = 5,
            NumberOfThreads = 1,
        });
        var model = trainer.Append(ml.Transforms.Conversion.MapKeyToValue("PredictedName", "PredictedLabel")).Fit(train);
        var scored = model.Transform(split.Test);
        var metrics = ml.MulticlassClassification.Evaluate(scored);

        Assert.Equal(10, ((VectorDataViewType)scored.Schema["Score"].Type).Size);
        Assert.Equal(10, metrics.ConfusionMatrix.NumberOfClasses);
        Assert.Equal(10, metrics.PerClassLogLoss.Count);
        for (int predicted = 0; predicted < 10; predicted++)
        {
            double timesPredicted = metrics.ConfusionMatrix.Counts.Sum(actualRow => actualRow[predicted]);
            Assert.True(timesPredicted > 0, $"class {predicted} ({FashionMnist.ClassNames[predicted]}) was never predicted");
        }

        Assert.Equal(10000, metrics.ConfusionMatrix.Counts.Sum(row => row.Sum()));
        Assert.True(metrics.MicroAccuracy > 0.6, $"micro-accuracy {metrics.MicroAccuracy:F3}");

        // The KeyValues annotation flows through the trainer, so predicted keys map back to class names.
        var names = scored.GetColumn<ReadOnlyMemory<char>>("PredictedName").Select(name => name.ToString()).ToHashSet();
        Assert.Equal(FashionMnist.ClassNames.ToHashSet(), names);
    }

    [Fact]
    public void CreateEnumerable_RoundTripsKeyLabelAndFeatures()
    {
        var ml = new MLContext(seed: 1);
        var split = FashionMnist.Load(ml, DatasetLocator.ResolveFashionMnistDirectory(null));

        var rows = ml.Data.CreateEnumerable<Example>(ml.Data.TakeRows(split.Test, 3), reuseRowObject: false).ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal(10u, rows[0].Label);
        Assert.All(rows, row => Assert.Equal(784, row.Features.Length));
        Assert.All(rows, row => Assert.InRange(row.Label, 1u, 10u));
    }

    private sealed class Example
    {
        [KeyType(10)]
        public uint Label { get; set; }

        [VectorType(784)]
        public float[] Features { get; set; } = [];
    }
}
