using System.Globalization;
using System.Text.Json;
using HybridSgd.Datasets.Tabular;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Persistence;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Datasets.Tabular;
using HybridSgd.Tests.Support;
using Microsoft.ML;

namespace HybridSgd.Tests.Host;

/// <summary>
/// train / evaluate / predict / compare on users' CSV files (real scikit-learn data written as users export it),
/// through the generic host as the command line runs them.
/// </summary>
public sealed class TabularCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly TabularFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task TrainEvaluatePredict_IrisWithTextLabelFirst_MulticlassEndToEnd()
    {
        string train = _files.Iris("iris-train.csv", labelPosition: 0, rowFilter: i => i % 5 != 0);
        string test = _files.Iris("iris-test.csv", labelPosition: 0, rowFilter: i => i % 5 == 0);
        string run = _files.PathOf("run");

        Assert.Equal(0, await Run("train", "--train", train, "--test", test, "--label", "species", "--epochs", "500", "--workers", "2", "--lr", "0.2", "--out", run));

        var report = Json(Path.Combine(run, "report.json"));
        Assert.Equal("multiclass", report.GetProperty("task").GetString());
        Assert.Equal("softmax", report.GetProperty("model").GetString());
        var metrics = report.GetProperty("test");
        Assert.Equal(30, metrics.GetProperty("count").GetInt32());
        Assert.True(metrics.GetProperty("accuracy").GetDouble() >= 0.85, metrics.ToString());
        Assert.True(metrics.TryGetProperty("macroAccuracy", out _) && metrics.TryGetProperty("logLoss", out _));
        Assert.False(metrics.TryGetProperty("rmse", out _));

        Assert.Equal(0, await Run("evaluate", "--model", run, "--data", test));
        var evaluation = Json(Path.Combine(run, "evaluation.json"));
        Assert.Equal(metrics.GetProperty("accuracy").GetDouble(), evaluation.GetProperty("metrics").GetProperty("accuracy").GetDouble(), 12);

        string predictions = _files.PathOf("preds.csv");
        Assert.Equal(0, await Run("predict", "--model", run, "--data", test, "--out", predictions));
        var lines = File.ReadAllLines(predictions);
        Assert.Equal("PredictedLabel,Probability(setosa),Probability(versicolor),Probability(virginica)", lines[0]);
        Assert.Equal(31, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.Contains(line.Split(',')[0], new[] { "setosa", "versicolor", "virginica" }));
    }

    [Fact]
    public async Task Train_BreastCancerWithMixedScalesAndTextColumn_BinaryWithMlNetMetrics()
    {
        string data = _files.BreastCancer("cancer.csv");
        string run = _files.PathOf("run");

        Assert.Equal(0, await Run("train", "--train", data, "--label", "diagnosis", "--epochs", "300", "--workers", "2", "--out", run));

        var report = Json(Path.Combine(run, "report.json"));
        Assert.Equal("binary", report.GetProperty("task").GetString());
        Assert.Equal("logistic", report.GetProperty("model").GetString());
        var metrics = report.GetProperty("test");
        Assert.True(metrics.GetProperty("accuracy").GetDouble() >= 0.9, metrics.ToString());
        Assert.True(metrics.GetProperty("auc").GetDouble() >= 0.95, metrics.ToString());
        Assert.True(metrics.TryGetProperty("f1", out _) && metrics.TryGetProperty("logLoss", out _));
        Assert.Equal(114, metrics.GetProperty("count").GetInt32()); // the default 20 % holdout of 569 rows
    }

    [Fact]
    public async Task Train_DiabetesWithTargetInTheMiddle_RegressionWithMlNetMetrics()
    {
        string data = Diabetes("diabetes.csv");
        string run = _files.PathOf("run");

        Assert.Equal(0, await Run("train", "--train", data, "--label", "progression", "--normalize", "meanvariance", "--epochs", "200", "--workers", "2", "--lr", "0.02", "--out", run));

        var report = Json(Path.Combine(run, "report.json"));
        Assert.Equal("regression", report.GetProperty("task").GetString());
        Assert.Equal("linear", report.GetProperty("model").GetString());
        var metrics = report.GetProperty("test");
        Assert.False(metrics.TryGetProperty("accuracy", out _));
        Assert.InRange(metrics.GetProperty("rmse").GetDouble(), 30, 75);
        Assert.True(metrics.GetProperty("rSquared").GetDouble() > 0.3, metrics.ToString());
        Assert.True(metrics.GetProperty("mae").GetDouble() > 0);
        Assert.True(report.GetProperty("curve")[0].TryGetProperty("testRmse", out _));
    }

    [Fact]
    public async Task SavedModel_PredictsExactlyAsTheTrainedWeightsInMemory()
    {
        string train = _files.BreastCancer("train.csv", rowFilter: i => i % 4 != 0);
        string test = _files.BreastCancer("test.csv", rowFilter: i => i % 4 == 0);
        var ml = new MLContext(seed: 1);
        var split = TabularDataset.Load(ml, train, test, new TabularOptions { Label = "diagnosis" }, 0.2, seed: 1);
        var data = new TestSplit(
            ml, "cancer", ml.Data.Cache(split.Train), DenseDataset.FromDataView(split.Test), split.Spec.FeatureCount, 2, LearningTask.Binary);
        var model = ModelFactory.Create(ModelFactory.Logistic, LearningTask.Binary, data.FeatureCount, 2);
        var result = await HybridTrainer.TrainAsync(data.InMemory, model, new TrainingOptions { Mode = TrainingMode.Hybrid, Workers = 2, Epochs = 5, Stop = StopRule.Epochs }, new TrainerEnvironment(), CancellationToken.None);

        string file = _files.PathOf("model.hsgd");
        ModelFile.Save(file, new ModelHeader(model.Name, model.FeatureCount, model.OutputCount, split.Spec.ClassNames, "cancer", [], LearningTask.Binary, JsonSerializer.SerializeToElement(split.Spec)), result.Weights);
        var saved = SavedModel.Load(file);
        var spec = saved.Header.Data!.Value.Deserialize<TabularSpec>()!;
        var fromFile = DenseDataset.FromDataView(TabularDataset.LoadForScoring(new MLContext(seed: 9), spec, test, requireLabel: true));

        var kernel = model.CreateKernel();
        var inMemory = new float[1];
        Assert.Equal(data.Test.Count, fromFile.Count);
        for (int row = 0; row < fromFile.Count; row++)
        {
            kernel.Predict(result.Weights, data.Test.Row(row), inMemory);
            var prediction = saved.Predict(fromFile.Row(row));
            Assert.Equal(inMemory[0], prediction.Probabilities[1]);
            Assert.Equal(saved.Header.ClassNames[prediction.ClassIndex!.Value], prediction.Label);
        }
    }

    [Fact]
    public async Task Compare_OnCsv_UsesTheMatchingSdcaTrainer()
    {
        string data = _files.BreastCancer("cancer.csv");
        string run = _files.PathOf("cmp");

        Assert.Equal(0, await Run("compare", "--train", data, "--label", "diagnosis", "--methods", "hybrid,sdca", "--seeds", "1", "--budget", "1s", "--workers", "2", "--out", run));

        var report = Json(Path.Combine(run, "compare.json"));
        var methods = report.GetProperty("methods").EnumerateArray().ToArray();
        var sdca = methods.Single(m => m.GetProperty("summary").GetProperty("method").GetString() == "sdca");
        Assert.Equal("SdcaLogisticRegression", sdca.GetProperty("runs")[0].GetProperty("model").GetString());
        Assert.True(sdca.GetProperty("runs")[0].GetProperty("test").GetProperty("auc").GetDouble() > 0.9);
        Assert.Equal("binary", report.GetProperty("settings").GetProperty("task").GetString());
    }

    [Theory]
    [InlineData("price", "no column 'price'")]
    public async Task Train_BadInput_ExitsWithTheReasonAndWritesNoModel(string label, string reason)
    {
        string data = _files.BreastCancer("cancer.csv");
        string run = _files.PathOf("run");
        var output = new StringWriter();
        var error = Console.Out;
        Console.SetOut(output);
        int exit;
        try
        {
            exit = await Run("train", "--train", data, "--label", label, "--epochs", "1", "--out", run);
        }
        finally
        {
            Console.SetOut(error);
        }

        Assert.Equal(1, exit);
        Assert.False(File.Exists(Path.Combine(run, "model.hsgd")));
        Assert.Contains(reason, output.ToString());
        Assert.DoesNotContain("   at ", output.ToString());
    }

    [Fact]
    public async Task Predict_WithoutLabelColumn_WritesOneLinePerRow()
    {
        string train = _files.Iris("train.csv");
        string run = _files.PathOf("run");
        Assert.Equal(0, await Run("train", "--train", train, "--label", "species", "--epochs", "5", "--workers", "2", "--out", run));
        var iris = File.ReadAllLines(train);
        string unlabelled = _files.WriteText("new.csv", string.Join('\n', iris.Select(l => string.Join(',', l.Split(',')[..4]))) + "\n");

        string predictions = _files.PathOf("preds.csv");
        Assert.Equal(0, await Run("predict", "--model", run, "--data", unlabelled, "--out", predictions));

        Assert.Equal(iris.Length, File.ReadAllLines(predictions).Length);
    }

    private string Diabetes(string name)
    {
        var (features, target) = SklearnData.Diabetes();
        string[] columns = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"];
        var header = columns[..5].Append("progression").Concat(columns[5..]).ToArray();
        var rows = features.Select((x, i) =>
            (IReadOnlyList<string>)x[..5].Select(TabularFiles.Format)
                .Append(target[i].ToString(CultureInfo.InvariantCulture))
                .Concat(x[5..].Select(TabularFiles.Format)).ToArray());
        return _files.Write(name, header, rows);
    }

    private static async Task<int> Run(params string[] args)
    {
        using var host = HostRun.Build(args);
        return await HostRun.RunAsync(host, Patience);
    }

    private static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
}
