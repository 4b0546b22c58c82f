using HybridSgd.Datasets.Tabular;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;

namespace HybridSgd.Tests.Datasets.Tabular;

/// <summary>Each task inferred from real scikit-learn data, with every class present after loading.</summary>
public sealed class TabularTaskInferenceTests : IDisposable
{
    private readonly TabularFiles _files = new();
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void Load_IrisTextSpecies_MulticlassWithThreeNamedClassesAllPresent()
    {
        string train = _files.Iris("iris.csv", rowFilter: i => i % 5 != 0);
        string test = _files.Iris("iris-test.csv", rowFilter: i => i % 5 == 0);

        var split = TabularDataset.Load(_ml, train, test, new TabularOptions { Label = "species" }, 0.2, 7);

        Assert.Equal(LearningTask.Multiclass, split.Spec.Task);
        Assert.Contains("3 distinct text values", split.Spec.TaskReason);
        Assert.Equal(["setosa", "versicolor", "virginica"], split.Spec.ClassNames);
        Assert.Equal(3, ViewColumns.KeyCount(split.Train));
        Assert.Equal([1u, 2u, 3u], ViewColumns.Keys(split.Train).Distinct().Order());
        Assert.Equal([1u, 2u, 3u], ViewColumns.Keys(split.Test).Distinct().Order());
        Assert.Equal((120L, 30L), (split.TrainRows, split.TestRows));
        Assert.Equal(4, split.Spec.FeatureCount);
        Assert.Equal(TabularFiles.IrisFeatureNames, split.Spec.FeatureNames);
    }

    [Fact]
    public void Load_WineIntegerLabel_MulticlassWithClassesInNumericOrder()
    {
        var wine = SklearnData.Wine();
        string[] header = ["cultivar", .. Enumerable.Range(1, 13).Select(j => $"x{j}")];
        string path = _files.Write(
            "wine.csv",
            header,
            wine.Features.Select((row, i) => (IReadOnlyList<string>)[wine.Classes[i].ToString(), .. row.Select(TabularFiles.Format)]));

        var split = TabularDataset.Load(_ml, path, null, new TabularOptions { Label = "cultivar" }, 0.25, 3);

        Assert.Equal(LearningTask.Multiclass, split.Spec.Task);
        Assert.Contains("all integers", split.Spec.TaskReason);
        Assert.Equal(["0", "1", "2"], split.Spec.ClassNames);
        Assert.Equal([1u, 2u, 3u], ViewColumns.Keys(split.Train).Distinct().Order());
        Assert.Equal(13, split.Spec.FeatureCount);
    }

    [Fact]
    public void Load_BreastCancerZeroOneLabel_BinaryWithOneAsKeyTwo()
    {
        string path = _files.BreastCancer("breast.csv");

        var split = TabularDataset.Load(_ml, path, null, new TabularOptions { Label = "diagnosis" }, 0.2, 11);

        Assert.Equal(LearningTask.Binary, split.Spec.Task);
        Assert.Equal(["0", "1"], split.Spec.ClassNames);
        Assert.Equal(2, ViewColumns.KeyCount(split.Train));
        Assert.Equal([1u, 2u], ViewColumns.Keys(split.Train).Distinct().Order());
        Assert.Equal(569, split.TrainRows + split.TestRows);
    }

    [Fact]
    public void Load_BostonMedv_RegressionWithSingleLabel()
    {
        var (header, rows) = SklearnData.Boston();
        string path = _files.Write("boston.csv", header, rows.Select(r => (IReadOnlyList<string>)r.Select(TabularFiles.Format).ToList()));

        var split = TabularDataset.Load(_ml, path, null, new TabularOptions { Label = "MEDV" }, 0.2, 5);

        Assert.Equal(LearningTask.Regression, split.Spec.Task);
        Assert.Contains("not all integers", split.Spec.TaskReason);
        Assert.Empty(split.Spec.ClassNames);
        Assert.Equal(Microsoft.ML.Data.NumberDataViewType.Single, split.Train.Schema[DataColumns.Label].Type);
        Assert.Equal(13, split.Spec.FeatureCount);
        float[] targets = ViewColumns.Targets(split.Train);
        Assert.Equal(rows.Min(r => r[^1]), targets.Min(), 3);
        Assert.True(targets.Length > 350);
    }

    [Fact]
    public void Load_DiabetesTsvWithLabelInTheMiddle_Regression()
    {
        var (features, target) = SklearnData.Diabetes();
        string[] header = ["age", "sex", "bmi", "bp", "s1", "progression", "s2", "s3", "s4", "s5", "s6"];
        var rows = features.Select((f, i) =>
        {
            var fields = f.Select(TabularFiles.Format).ToList();
            fields.Insert(5, TabularFiles.Format(target[i]));
            return (IReadOnlyList<string>)fields;
        });
        string path = _files.Write("diabetes.tsv", header, rows, '\t');

        var split = TabularDataset.Load(_ml, path, null, new TabularOptions { Label = "progression" }, 0.2, 5);

        Assert.Equal(TabularFormat.Tsv, split.Spec.Format);
        Assert.Equal("\t", split.Spec.Separator);
        Assert.Equal(LearningTask.Regression, split.Spec.Task);
        Assert.Contains("more than 10 distinct integers", split.Spec.TaskReason);
        Assert.Equal(10, split.Spec.FeatureCount);
    }

    [Fact]
    public void Load_TaskGiven_OverridesInference()
    {
        string path = _files.BreastCancer("breast.csv");

        var regression = TabularDataset.Load(_ml, path, null, new TabularOptions { Label = "diagnosis", Task = LearningTask.Regression }, 0.2, 1);
        var multiclass = TabularDataset.Load(_ml, path, null, new TabularOptions { Label = "diagnosis", Task = LearningTask.Multiclass }, 0.2, 1);

        Assert.Equal(LearningTask.Regression, regression.Spec.Task);
        Assert.Contains("asked for", regression.Spec.TaskReason);
        Assert.Equal(LearningTask.Multiclass, multiclass.Spec.Task);
        Assert.Equal(2, ViewColumns.KeyCount(multiclass.Train));
    }

    [Fact]
    public void Load_TextLabelWithTwoValues_BinaryWithSortedClasses()
    {
        string path = _files.Write(
            "yesno.csv",
            ["x", "answer"],
            Enumerable.Range(0, 40).Select(i => (IReadOnlyList<string>)[i.ToString(), i % 3 == 0 ? "yes" : "no"]));

        var split = TabularDataset.Load(_ml, path, null, new TabularOptions { Label = "answer" }, 0.25, 2);

        Assert.Equal(LearningTask.Binary, split.Spec.Task);
        Assert.Equal(["no", "yes"], split.Spec.ClassNames);
    }

    public void Dispose() => _files.Dispose();
}
