using HybridSgd.Datasets.Tabular;
using Microsoft.ML;

namespace HybridSgd.Tests.Datasets.Tabular;

/// <summary>What the featurizer does to the columns: label position, normalization fit on train only, one-hot, missing values.</summary>
public sealed class TabularFeaturizingTests : IDisposable
{
    private readonly TabularFiles _files = new();
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void Load_LabelFirstMiddleOrLast_SameFeatures()
    {
        float[][] Features(int position)
        {
            string path = _files.Iris($"iris-{position}.csv", position);
            string test = _files.Iris($"iris-{position}-test.csv", position, rowFilter: i => i % 10 == 0);
            return ViewColumns.Features(TabularDataset.Load(_ml, path, test, new TabularOptions { Label = "species" }, 0.2, 1).Train);
        }

        float[][] last = Features(4);

        Assert.Equal(last, Features(0));
        Assert.Equal(last, Features(2));
    }

    [Fact]
    public void Load_MinMax_TrainSlotsSpanZeroToOneAndTestUsesTrainOffsets()
    {
        string train = _files.BreastCancer("train.csv", i => i % 4 != 0);
        string test = _files.BreastCancer("test.csv", i => i % 4 == 0);

        var split = TabularDataset.Load(_ml, train, test, new TabularOptions { Label = "diagnosis" }, 0.2, 1);

        float[][] trainFeatures = ViewColumns.Features(split.Train);
        for (int slot = 0; slot < split.Spec.FeatureCount; slot++)
        {
            Assert.Equal(0f, trainFeatures.Min(r => r[slot]), 5);
            Assert.Equal(1f, trainFeatures.Max(r => r[slot]), 5);
        }

        // 'mean area' (x1000, slot 3) in the test rows: (x - train min) * train scale, whatever the test rows' own range.
        var raw = SklearnData.BreastCancer();
        double[] trainArea = raw.Features.Where((_, i) => i % 4 != 0).Select(r => r[3] * 1000).ToArray();
        double[] testArea = raw.Features.Where((_, i) => i % 4 == 0).Select(r => r[3] * 1000).ToArray();
        float[][] testFeatures = ViewColumns.Features(split.Test);
        Assert.Equal(trainArea.Min(), split.Spec.NormalizationOffsets[3], 0);
        Assert.Equal(1 / (trainArea.Max() - trainArea.Min()), split.Spec.NormalizationScales[3], 9);
        for (int i = 0; i < testArea.Length; i++)
        {
            double expected = (testArea[i] - trainArea.Min()) / (trainArea.Max() - trainArea.Min());
            Assert.Equal(expected, testFeatures[i][3], 4);
        }
    }

    [Fact]
    public void Load_MeanVariance_TrainSlotsHaveZeroMeanUnitVariance()
    {
        string path = _files.Iris("iris.csv");
        string test = _files.Iris("iris-test.csv", rowFilter: i => i % 10 == 0);

        var split = TabularDataset.Load(
            _ml, path, test, new TabularOptions { Label = "species", Normalization = FeatureNormalization.MeanVariance }, 0.2, 1);

        float[][] features = ViewColumns.Features(split.Train);
        for (int slot = 0; slot < 4; slot++)
        {
            double mean = features.Average(r => r[slot]);
            double variance = features.Average(r => (r[slot] - mean) * (r[slot] - mean));
            Assert.Equal(0, mean, 4);
            Assert.Equal(1, variance, 1);
        }
    }

    [Fact]
    public void Load_TextFeatureColumn_OneHotSlotsNamedByValue()
    {
        string path = _files.BreastCancer("breast.csv");

        var split = TabularDataset.Load(_ml, path, null, new TabularOptions { Label = "diagnosis" }, 0.2, 1);

        Assert.Equal(TabularColumnKind.Text, split.Spec.Features.Single(f => f.Name == "clinic").Kind);
        Assert.Equal(33, split.Spec.FeatureCount);
        Assert.Equal(["clinic.east", "clinic.north", "clinic.south"], split.Spec.FeatureNames.TakeLast(3));
        foreach (float[] row in ViewColumns.Features(split.Train))
        {
            Assert.Equal([0f, 0f, 1f], row.TakeLast(3).Order());
        }
    }

    [Fact]
    public void Load_EmptyField_ReplacedByTrainingMean()
    {
        string train = _files.BreastCancer("train.csv", i => i % 4 != 0);
        string test = _files.BreastCancer("test.csv", i => i % 4 == 0);

        var split = TabularDataset.Load(
            _ml, train, test, new TabularOptions { Label = "diagnosis", Normalization = FeatureNormalization.None }, 0.2, 1);

        var raw = SklearnData.BreastCancer();
        int[] trainRows = Enumerable.Range(0, raw.Classes.Length).Where(i => i % 4 != 0).ToArray();
        double mean = trainRows.Where(i => i % 97 != 5).Average(i => raw.Features[i][0]);
        float[][] features = ViewColumns.Features(split.Train);
        int missing = Array.IndexOf(trainRows, 5);
        Assert.Equal(mean, features[missing][0], 3);
        Assert.DoesNotContain(features.SelectMany(r => r), float.IsNaN);

        // Row 296 (= 97 * 3 + 5, so its radius is empty) is a test row: it gets the training mean, not the test mean.
        int testMissing = Enumerable.Range(0, raw.Classes.Length).Where(i => i % 4 == 0).ToList().IndexOf(296);
        Assert.Equal(mean, ViewColumns.Features(split.Test)[testMissing][0], 3);
    }

    [Fact]
    public void Load_FeaturesListed_OnlyThoseInThatOrder()
    {
        string path = _files.Iris("iris.csv");

        var split = TabularDataset.Load(
            _ml, path, null, new TabularOptions { Label = "species", Features = ["petal_width", "sepal_length"] }, 0.2, 1);

        Assert.Equal(["petal_width", "sepal_length"], split.Spec.FeatureNames);
        Assert.Equal(2, split.Spec.FeatureCount);
    }

    public void Dispose() => _files.Dispose();
}
