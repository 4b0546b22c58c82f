using System.Globalization;
using HybridSgd.Datasets;
using HybridSgd.Datasets.Tabular;
using HybridSgd.Pipeline.Data;
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
        var large = TabularDataset.Load(new MLContext(seed: 1), FashionMnistColumns(10_000), null, options, 0.2, seed: 3).Spec;

        Assert.Equal(FeatureNormalization.MinMax, small.Normalization);
        Assert.Equal(FeatureNormalization.MeanVariance, large.Normalization);
    }

    /// <summary>The label and eight central pixels of the first <paramref name="rows"/> Fashion-MNIST training images.</summary>
    private string FashionMnistColumns(int rows)
    {
        var train = DenseDataset.FromDataView(FashionMnist.Load(new MLContext(0), DatasetLocator.ResolveFashionMnistDirectory(null)).Train, rows);
        int[] pixels = [402, 403, 404, 405, 430, 431, 432, 433];
        var lines = Enumerable.Range(0, train.Count).Select(r =>
            (IReadOnlyList<string>)[train.Labels[r].ToString(CultureInfo.InvariantCulture), .. pixels.Select(p => train.Row(r)[p].ToString(CultureInfo.InvariantCulture))]);
        return _files.Write("fashion.csv", ["Label", .. pixels.Select(p => $"p{p}")], lines);
    }
}
