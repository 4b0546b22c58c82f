using HybridSgd.Datasets.Tabular;
using HybridSgd.Datasets.Tabular.Featurizing;
using HybridSgd.Datasets.Tabular.Inference;
using HybridSgd.Datasets.Tabular.Text;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;

namespace HybridSgd.Tests.Datasets.Tabular;

/// <summary>
/// The featurizer fitted from one pass's statistics (<see cref="OnePassFit"/>) featurizes every row as ML.NET's
/// estimators fitted on all the rows do: the same keys, the same scaling (bit for bit: minima and maxima are exact), and
/// the same replacement of a missing value up to the last digits of its mean (summed in another order).
/// </summary>
public sealed class OnePassFitTests : IDisposable
{
    private readonly TabularFiles _files = new();

    public static TheoryData<string, bool, FeatureNormalization> Files => new()
    {
        { "iris", true, FeatureNormalization.MinMax },                    // text label, read by the byte parser
        { "iris", false, FeatureNormalization.MinMax },                   // the same through TextLoader
        { "breast-cancer-numeric", true, FeatureNormalization.MinMax },   // numeric label; 'mean radius' empty on every 97th row
        { "breast-cancer-numeric", true, FeatureNormalization.None },     // the means alone
        { "diabetes", true, FeatureNormalization.MinMax },                // regression: nothing learned from the target
        { "iris-empty-column", false, FeatureNormalization.MinMax },      // a column with no value at all
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void OnePass_FeaturizesEveryRowAsTheFullFitDoes(string name, bool byteView, FeatureNormalization normalization)
    {
        var (path, options) = File(name);
        var ml = new MLContext(seed: 1);
        RawTable table = DelimitedTrainingSource.Open(ml, path, options, byteView, new ReadBuffers(), default);
        LearningTask task = TaskInference.Choose(table.Profile, null).Task;
        var trainRaw = ml.Data.TrainTestSplit(table.Data, testFraction: 0.2, seed: 3).TrainSet;

        FittedFeaturizer? onePass = OnePassFit.TryFit(ml, table, trainRaw, task, normalization);
        var full = new FittedFeaturizer(
            LabelEstimator.Build(ml, table.Label, trainRaw.Schema[table.Label].Type, task).Fit(trainRaw),
            FeatureEstimator.Build(ml, trainRaw.Schema, RawColumns.Of(table.Features, table.Layout), normalization).Fit(trainRaw));

        Assert.NotNull(onePass);
        var expected = full.Apply(table.Data, hasLabel: true);
        var actual = onePass.Apply(table.Data, hasLabel: true);
        if (task == LearningTask.Regression)
        {
            Assert.Equal(ViewColumns.Targets(expected), ViewColumns.Targets(actual));
        }
        else
        {
            Assert.Equal(ViewColumns.KeyCount(expected), ViewColumns.KeyCount(actual));
            Assert.Equal(ViewColumns.Keys(expected), ViewColumns.Keys(actual));
        }

        AssertSameFeatures(ViewColumns.Features(table.Data, RawColumns.NumericFeatures), ViewColumns.Features(expected), ViewColumns.Features(actual));
    }

    [Fact]
    public void MeanVarianceOrATextFeature_LeftToTheFullFit()
    {
        var ml = new MLContext(seed: 1);
        var iris = DelimitedTrainingSource.Open(ml, _files.Iris("iris.csv"), new TabularOptions { Label = "species" }, true, new ReadBuffers(), default);
        var cancer = DelimitedTrainingSource.Open(ml, _files.BreastCancer("cancer.csv"), new TabularOptions { Label = "diagnosis" }, true, new ReadBuffers(), default);

        Assert.Null(OnePassFit.TryFit(ml, iris, iris.Data, LearningTask.Multiclass, FeatureNormalization.MeanVariance));
        Assert.Null(OnePassFit.TryFit(ml, cancer, cancer.Data, LearningTask.Binary, FeatureNormalization.MinMax)); // the clinic column is text
    }

    [Fact]
    public void OnePass_OverAStoppedView_EndsWithOperationCanceled()
    {
        // Iris ten times over: more rows than the cancellable view reads between looks at its token.
        string[] lines = System.IO.File.ReadAllLines(_files.Iris("iris-once.csv"));
        string path = _files.WriteText("iris-10x.csv", string.Join('\n', [lines[0], .. Enumerable.Repeat(lines.Skip(1), 10).SelectMany(l => l)]) + "\n");
        var ml = new MLContext(seed: 1);
        RawTable table = DelimitedTrainingSource.Open(ml, path, new TabularOptions { Label = "species" }, true, new ReadBuffers(), default);
        var stopped = new CancellationToken(canceled: true);

        Assert.ThrowsAny<OperationCanceledException>(() => CancellableView.Fitting(
            () => OnePassFit.TryFit(ml, table, new CancellableView(table.Data, stopped), LearningTask.Multiclass, FeatureNormalization.MinMax), stopped));
    }

    private (string Path, TabularOptions Options) File(string name) => name switch
    {
        "iris" => (_files.Iris("iris.csv"), new TabularOptions { Label = "species" }),
        "breast-cancer-numeric" => (_files.BreastCancer("cancer.csv"),
            new TabularOptions { Label = "diagnosis", Features = Enumerable.Range(0, 30).Select(TabularFiles.BreastCancerFeature).ToList() }),
        "diabetes" => (Diabetes(), new TabularOptions { Label = "target" }),
        "iris-empty-column" => (IrisWithEmptyColumn(), new TabularOptions { Label = "species" }),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private string Diabetes()
    {
        var (features, target) = SklearnData.Diabetes();
        var header = Enumerable.Range(0, features[0].Length).Select(j => $"x{j}").Append("target").ToList();
        return _files.Write("diabetes.csv", header, features.Select((row, i) => (IReadOnlyList<string>)[.. row.Select(TabularFiles.Format), TabularFiles.Format(target[i])]));
    }

    private string IrisWithEmptyColumn()
    {
        string[] lines = System.IO.File.ReadAllLines(_files.Iris("iris-source.csv"));
        return _files.WriteText("iris-empty.csv", string.Join('\n', lines.Select((line, i) => line + (i == 0 ? ",unmeasured" : ","))) + "\n");
    }

    /// <param name="raw">Each row's raw values, NaN where a value was missing (the one place the means decide).</param>
    private static void AssertSameFeatures(float[][] raw, float[][] expected, float[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int row = 0; row < expected.Length; row++)
        {
            Assert.Equal(expected[row].Length, actual[row].Length);
            for (int slot = 0; slot < expected[row].Length; slot++)
            {
                if (float.IsNaN(raw[row][slot]))
                {
                    Assert.Equal(expected[row][slot], actual[row][slot], 5);
                }
                else
                {
                    Assert.Equal(expected[row][slot], actual[row][slot]);
                }
            }
        }
    }

    public void Dispose() => _files.Dispose();
}
