using System.Text.Json;
using HybridSgd.Tests.Datasets.Tabular;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HybridSgd.Tests.Host;

/// <summary>
/// The defaults a first command gets: the adaptive policy, a learning rate and minibatch chosen for the data, and
/// a run that stops by itself when the validation loss stops improving.
/// </summary>
public sealed class ConvergedStopCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly TabularFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Train_NothingButFileAndLabel_StopsConverged_WithSettingsChosenForTheData()
    {
        string data = _files.Iris("iris.csv", labelPosition: 0);
        string run = _files.PathOf("run");

        Assert.Equal(0, await Run("train", "--train", data, "--label", "species", "--out", run));

        var report = Json(Path.Combine(run, "report.json"));
        Assert.Equal("converged", report.GetProperty("endedBy").GetString());
        Assert.Equal("converged", report.GetProperty("stop").GetString());
        Assert.Equal("adaptive", report.GetProperty("policy").GetString());
        Assert.Equal(2, report.GetProperty("batchSize").GetInt32()); // 107 rows, 4 workers
        Assert.True(report.GetProperty("learningRate").GetDouble() > 0.2, "estimated for 4 features in [0, 1], far above Fashion-MNIST's 0.05");
        Assert.True(report.GetProperty("validationLoss").GetDouble() > 0);
        Assert.True(report.GetProperty("test").GetProperty("accuracy").GetDouble() >= 0.9, report.GetProperty("test").ToString());

        // Every change of k the policy made carries what was measured behind it.
        var changes = report.GetProperty("thresholdChanges").EnumerateArray()
            .Where(c => c.GetProperty("reason").GetString() is not ("workersRetired" or "regroup")).ToArray();
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.True(c.TryGetProperty("evidence", out var evidence) && evidence.TryGetProperty("fastWorkers", out _), c.ToString()));
    }

    [Fact]
    public async Task ConvergedStop_WithNoValidationRows_FailsNamingBothKeys()
    {
        string data = _files.Iris("iris.csv", labelPosition: 0);
        string run = _files.PathOf("run");
        var logs = new Service.LogCollector();

        Assert.Equal(1, await Run(logs, "train", "--train", data, "--label", "species", "--validation", "0", "--out", run));

        Assert.False(File.Exists(Path.Combine(run, "report.json")));
        var error = Assert.Single(logs.Lines, l => l.Level == LogLevel.Error).Message;
        Assert.Contains("Training:Stop", error);
        Assert.Contains("Data:ValidationFraction", error);
    }

    [Fact]
    public async Task Compare_TheRampWithoutABudget_FailsNamingTheKeys()
    {
        string data = _files.Iris("iris.csv", labelPosition: 0);
        string run = _files.PathOf("run");
        var logs = new Service.LogCollector();

        Assert.Equal(1, await Run(logs, "compare", "--train", data, "--label", "species", "--methods", "hybrid,adaptive", "--seeds", "1", "--out", run));

        Assert.False(File.Exists(Path.Combine(run, "compare.json")));
        var error = Assert.Single(logs.Lines, l => l.Level == LogLevel.Error).Message;
        Assert.Contains("Compare:Methods", error);
        Assert.Contains("Training:Budget", error);
    }

    [Fact]
    public async Task RampPolicy_WithNoHorizon_FailsAtStart_NamingTheKey()
    {
        using var host = HostRun.Build("train", "--policy", "linear", "--out", _files.PathOf("run"));

        var error = await Record.ExceptionAsync(() => host.StartAsync());

        Assert.True(error is OptionsValidationException, error?.GetType().Name);
        Assert.Contains("Training:Policy:Kind", HybridSgd.Host.ConfigurationErrors.Describe(error!));
    }

    private static Task<int> Run(params string[] args) => Run(null, args);

    private static async Task<int> Run(ILoggerProvider? logs, params string[] args)
    {
        using var host = HostRun.Build(logs, args);
        return await HostRun.RunAsync(host, Patience);
    }

    private static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
}
