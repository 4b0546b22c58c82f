using HybridSgd.Datasets.Tabular;
using Microsoft.ML;

namespace HybridSgd.Tests.Datasets.Tabular;

public sealed class NormalizationChoiceTests : IDisposable
{
    private readonly TabularFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(FeatureNormalization.Auto, 9_999L, FeatureNormalization.MinMax)]
    [InlineData(FeatureNormalization.Auto, 10_000L, FeatureNormalization.MeanVariance)]
    [InlineData(FeatureNormalization.Auto, null, FeatureNormalization.MinMax)]            // rows not counted: the tested default
    [InlineData(FeatureNormalization.MinMax, 1_000_000L, FeatureNormalization.MinMax)]    // a kind asked for is kept
    [InlineData(FeatureNormalization.MeanVariance, 150L, FeatureNormalization.MeanVariance)]
    [InlineData(FeatureNormalization.None, 1_000_000L, FeatureNormalization.None)]
    public void For_AutoFollowsTheFileSize_AnythingElseIsKept(FeatureNormalization configured, long? rows, FeatureNormalization expected) =>
        Assert.Equal(expected, NormalizationChoice.For(configured, rows));

    [Fact]
    public void Load_WithAuto_RecordsTheKindChosen_MinMaxForASmallFile_ZScoresForALargeOne()
    {
        var options = new TabularOptions { Label = "Label" };
        Assert.Equal(FeatureNormalization.Auto, options.Normalization);

        var small = TabularDataset.Load(new MLContext(seed: 1), _files.Iris("iris.csv"), null, new TabularOptions { Label = "species" }, 0.2, seed: 3).Spec;
        var large = TabularDataset.Load(new MLContext(seed: 1), _files.FashionMnist("fashion.csv", 10_000), null, options, 0.2, seed: 3).Spec;

        Assert.Equal(FeatureNormalization.MinMax, small.Normalization);
        Assert.Equal(FeatureNormalization.MeanVariance, large.Normalization);
    }
}
