using System.Globalization;
using HybridSgd.Datasets.Tabular;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Tests.Datasets.Tabular;

/// <summary>Separators, SVMlight, .idv and the holdout split: the same iris rows give the same features whatever the file.</summary>
public sealed class TabularFormatTests : IDisposable
{
    private readonly TabularFiles _files = new();
    private readonly MLContext _ml = new(seed: 1);

    [Theory]
    [InlineData(',', "auto", ",")]
    [InlineData('\t', "auto", "\t")]
    [InlineData(';', "auto", ";")]
    [InlineData(';', "semicolon", ";")]
    [InlineData('\t', "tab", "\t")]
    public void Load_Separator_DetectedOrGivenAndSameFeatures(char separator, string option, string expected)
    {
        string path = _files.Iris("iris.txt", separator: separator);
        string test = _files.Iris("iris-test.csv", rowFilter: i => i % 10 == 0);

        var split = TabularDataset.Load(_ml, path, test, new TabularOptions { Label = "species", Separator = option }, 0.2, 1);

        Assert.Equal(expected, split.Spec.Separator);
        Assert.Equal(IrisCsvFeatures(), ViewColumns.Features(split.Train));
    }

    [Fact]
    public void Load_Holdout_SplitsEveryRowOnceBySeed()
    {
        string path = _files.Iris("iris.csv");

        var a = TabularDataset.Load(_ml, path, null, new TabularOptions { Label = "species" }, 0.2, 42);
        var b = TabularDataset.Load(new MLContext(seed: 9), path, null, new TabularOptions { Label = "species" }, 0.2, 42);

        Assert.Equal(150, a.TrainRows + a.TestRows);
        Assert.InRange(a.TestRows, 15, 45);
        Assert.Equal(a.TestRows, ViewColumns.Keys(a.Test).Length);
        Assert.Equal(ViewColumns.Features(a.Test), ViewColumns.Features(b.Test));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.95)]
    [InlineData(double.NaN)]
    public void Load_HoldoutFractionOutOfRange_Throws(double fraction)
    {
        string path = _files.Iris("iris.csv");

        Assert.Throws<ArgumentOutOfRangeException>(() => TabularDataset.Load(_ml, path, null, new TabularOptions { Label = "species" }, fraction, 1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_SvmLightIris_SameTaskClassesAndFeaturesAsCsv(bool zeroBased)
    {
        string train = WriteIrisSvmLight("iris.svm", zeroBased, i => true);
        string test = WriteIrisSvmLight("iris-test.svm", zeroBased, i => i % 10 == 0);

        var split = TabularDataset.Load(_ml, train, test, new TabularOptions { Label = "ignored" }, 0.2, 1);

        Assert.Equal(TabularFormat.SvmLight, split.Spec.Format);
        Assert.Equal(zeroBased, split.Spec.ZeroBasedIndices);
        Assert.Equal(LearningTask.Multiclass, split.Spec.Task);
        Assert.Equal(["0", "1", "2"], split.Spec.ClassNames);
        Assert.Equal(4, split.Spec.FeatureCount);
        Assert.Equal([1u, 2u, 3u], ViewColumns.Keys(split.Test).Distinct().Order());
        AssertClose(IrisCsvFeatures(), ViewColumns.Features(split.Train));
    }

    [Fact]
    public void Load_SvmLightTestWithFewerFeatures_ReadWithTrainingDimension()
    {
        string train = WriteIrisSvmLight("iris.svm", false, i => true);
        string test = _files.WriteText("short.svm", "0 1:5.0 2:3.0\n2 1:6.5\n");

        var split = TabularDataset.Load(_ml, train, test, new TabularOptions { Label = "x" }, 0.2, 1);

        Assert.All(ViewColumns.Features(split.Test), row => Assert.Equal(4, row.Length));
    }

    [Fact]
    public void Load_IdvSavedFromIris_SameFeaturesAsCsv()
    {
        string csv = _files.Iris("iris.csv");
        IDataView text = _ml.Data.LoadFromTextFile(csv, new TextLoader.Options
        {
            HasHeader = true,
            Separators = [','],
            Columns =
            [
                new TextLoader.Column("sepal_length", DataKind.Double, 0),
                new TextLoader.Column("sepal_width", DataKind.Single, 1),
                new TextLoader.Column("petal_length", DataKind.Single, 2),
                new TextLoader.Column("petal_width", DataKind.Single, 3),
                new TextLoader.Column("species", DataKind.String, 4),
            ],
        });
        string idv = _files.PathOf("iris.idv");
        using (var stream = File.Create(idv))
        {
            _ml.Data.SaveAsBinary(text, stream);
        }

        var split = TabularDataset.Load(_ml, idv, idv, new TabularOptions { Label = "species" }, 0.2, 1);

        Assert.Equal(TabularFormat.Idv, split.Spec.Format);
        Assert.Equal(["setosa", "versicolor", "virginica"], split.Spec.ClassNames);
        Assert.Equal(150, split.TrainRows);
        AssertClose(IrisCsvFeatures(), ViewColumns.Features(split.Train));
    }

    private float[][] IrisCsvFeatures()
        => ViewColumns.Features(TabularDataset.Load(_ml, _files.Iris("reference.csv"), _files.Iris("reference-test.csv"), new TabularOptions { Label = "species" }, 0.2, 1).Train);

    private string WriteIrisSvmLight(string name, bool zeroBased, Func<int, bool> rowFilter)
    {
        var iris = SklearnData.Iris();
        var lines = Enumerable.Range(0, iris.Classes.Length).Where(rowFilter).Select(i =>
            iris.Classes[i].ToString(CultureInfo.InvariantCulture) + " " + string.Join(' ', iris.Features[i].Select((x, j) =>
                $"{j + (zeroBased ? 0 : 1)}:{TabularFiles.Format(x)}")));
        return _files.WriteText(name, "# iris from scikit-learn\n" + string.Join('\n', lines) + "\n");
    }

    private static void AssertClose(float[][] expected, float[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            for (int j = 0; j < expected[i].Length; j++)
            {
                Assert.Equal(expected[i][j], actual[i][j], 5);
            }
        }
    }

    public void Dispose() => _files.Dispose();
}
