using System.Text.Json;
using HybridSgd.Datasets.Tabular;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Tests.Datasets.Tabular;

/// <summary>The spec survives JSON and featurizes a scoring file exactly as training did.</summary>
public sealed class TabularSpecTests : IDisposable
{
    private readonly TabularFiles _files = new();
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void LoadForScoring_SpecFromJson_SameFeaturesAsTestView()
    {
        string train = _files.BreastCancer("train.csv", i => i % 4 != 0);
        string test = _files.BreastCancer("test.csv", i => i % 4 == 0);
        var split = TabularDataset.Load(_ml, train, test, new TabularOptions { Label = "diagnosis" }, 0.2, 1);

        string json = JsonSerializer.Serialize(split.Spec);
        var spec = JsonSerializer.Deserialize<TabularSpec>(json)!;
        IDataView scored = TabularDataset.LoadForScoring(new MLContext(seed: 5), spec, test, requireLabel: true);

        Assert.Contains("\"Task\":\"Binary\"", json);
        Assert.Equal(split.Spec.ClassNames, spec.ClassNames);
        Assert.Equal(split.Spec.Features, spec.Features);
        Assert.Equal(split.Spec.FeatureNames, spec.FeatureNames);
        Assert.Equal(split.Spec.NormalizationScales, spec.NormalizationScales);
        Assert.Equal(ViewColumns.Features(split.Test), ViewColumns.Features(scored));
        Assert.Equal(ViewColumns.Keys(split.Test), ViewColumns.Keys(scored));
        Assert.Equal(2, ViewColumns.KeyCount(scored));
    }

    [Fact]
    public void LoadForScoring_NoLabelColumnAndColumnsReordered_SameFeatures()
    {
        string train = _files.Iris("iris.csv", 4);
        string test = _files.Iris("iris-test.csv", 4, rowFilter: i => i % 10 == 0);
        var split = TabularDataset.Load(_ml, train, test, new TabularOptions { Label = "species" }, 0.2, 1);
        var iris = SklearnData.Iris();
        string predict = _files.Write(
            "predict.tsv",
            ["petal_width", "petal_length", "sepal_width", "sepal_length"],
            Enumerable.Range(0, 150).Where(i => i % 10 == 0).Select(i => (IReadOnlyList<string>)iris.Features[i].Reverse().Select(TabularFiles.Format).ToList()),
            '\t');

        IDataView scored = TabularDataset.LoadForScoring(_ml, split.Spec, predict, requireLabel: false);

        Assert.Null(scored.Schema.GetColumnOrNull(DataColumns.Label));
        Assert.Equal(ViewColumns.Features(split.Test), ViewColumns.Features(scored));
    }

    [Fact]
    public void LoadForScoring_RequireLabelButNone_ThrowsNamingLabel()
    {
        string train = _files.Iris("iris.csv");
        var split = TabularDataset.Load(_ml, train, null, new TabularOptions { Label = "species" }, 0.2, 1);
        string predict = _files.Write("predict.csv", TabularFiles.IrisFeatureNames, [["5.1", "3.5", "1.4", "0.2"]]);

        var ex = Assert.Throws<HybridSgd.Datasets.DatasetFormatException>(() => TabularDataset.LoadForScoring(_ml, split.Spec, predict, requireLabel: true));

        Assert.Contains(predict, ex.Message);
        Assert.Contains("no column 'species'", ex.Message);
    }

    [Fact]
    public void LoadForScoring_SvmLightSpecFromJson_SameFeatures()
    {
        string train = _files.WriteText("train.svm", "1 1:0.5 3:2\n-1 2:1.5\n1 1:1 2:1 3:1\n-1 3:4\n");
        var split = TabularDataset.Load(_ml, train, train, new TabularOptions { Label = "ignored" }, 0.2, 1);
        var spec = JsonSerializer.Deserialize<TabularSpec>(JsonSerializer.Serialize(split.Spec))!;

        IDataView scored = TabularDataset.LoadForScoring(_ml, spec, train, requireLabel: true);

        Assert.Equal(["-1", "1"], spec.ClassNames);
        Assert.Equal(LearningTask.Binary, spec.Task);
        Assert.Equal(ViewColumns.Features(split.Train), ViewColumns.Features(scored));
        Assert.IsType<KeyDataViewType>(scored.Schema[DataColumns.Label].Type);
    }

    [Fact]
    public void LoadForScoring_SpecOfAnEarlierBuildReadingAColumnPerFeature_SameFeaturesAsThisBuildsVector()
    {
        // Written by the build before the vector layout (main at f9315cb) for this iris file, holdout 0.2, seed 1: its
        // feature transform reads one raw column per feature, and model files and checkpoints hold such specs.
        string path = _files.Iris("iris.csv");
        var earlier = JsonSerializer.Deserialize<TabularSpec>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Datasets", "Tabular", "Fixtures", "iris-spec-column-per-feature.json")))!;
        var current = TabularDataset.Load(_ml, path, null, new TabularOptions { Label = "species" }, 0.2, seed: 1).Spec;

        var scoredEarlier = TabularDataset.LoadForScoring(_ml, earlier, path, requireLabel: true);
        var scoredCurrent = TabularDataset.LoadForScoring(_ml, current, path, requireLabel: true);

        Assert.Equal(RawFeatureLayout.ColumnPerFeature, earlier.RawLayout);
        Assert.Equal(RawFeatureLayout.NumericVector, current.RawLayout);
        Assert.Equal(earlier.FeatureNames, current.FeatureNames);
        Assert.Equal(earlier.NormalizationScales, current.NormalizationScales);
        Assert.Equal(ViewColumns.Features(scoredEarlier), ViewColumns.Features(scoredCurrent));
        Assert.Equal(ViewColumns.Keys(scoredEarlier), ViewColumns.Keys(scoredCurrent));
    }

    public void Dispose() => _files.Dispose();
}
