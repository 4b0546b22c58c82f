using System.Text.Json;
using HybridSgd.Pipeline.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Host;

/// <summary>The train verb end to end through the generic host, on real Fashion-MNIST rows.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly ScratchDirectory _scratch = new();

    private string Out => _scratch.Path;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Train_HybridSoftmax_ReachesEightyPercentAndWritesReportAndModel()
    {
        using var host = HostRun.Build(
            "train", "--dataset", "fashion-mnist", "--model", "softmax", "--mode", "hybrid", "--workers", "4",
            "--epochs", "4", "--stop", "epochs", "--validation", "0", "--train-rows", "20000", "--test-rows", "2000", "--eval-interval", "250ms", "--out", Out);

        Assert.Equal(0, await HostRun.RunAsync(host, Patience));

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "report.json")));
        var root = report.RootElement;
        foreach (string field in new[] { "dataset", "task", "model", "mode", "workers", "policy", "seed", "trainSeconds", "examples", "updates", "test", "staleness", "curve" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"report.json lacks '{field}'");
        }

        Assert.Equal("fashion-mnist", root.GetProperty("dataset").GetString());
        Assert.Equal("hybrid", root.GetProperty("mode").GetString());
        Assert.Equal(80_000, root.GetProperty("examples").GetInt64());
        Assert.True(root.GetProperty("test").GetProperty("accuracy").GetDouble() >= 0.80, root.GetProperty("test").ToString());
        Assert.True(root.GetProperty("test").GetProperty("logLoss").GetDouble() > 0);
        Assert.True(root.GetProperty("staleness").TryGetProperty("mean", out _));
        Assert.True(root.GetProperty("staleness").TryGetProperty("max", out _));
        long histogramTotal = root.GetProperty("staleness").GetProperty("histogram").EnumerateArray().Sum(e => e.GetInt64());
        Assert.Equal(root.GetProperty("gradients").GetInt64(), histogramTotal);
        var curve = root.GetProperty("curve").EnumerateArray().ToList();
        Assert.True(curve.Count >= 2);
        foreach (string field in new[] { "seconds", "examples", "updates", "threshold", "testAccuracy", "testLogLoss" })
        {
            Assert.True(curve[^1].TryGetProperty(field, out _), $"curve point lacks '{field}'");
        }

        var (header, weights) = ModelFile.Load(Path.Combine(Out, "model.hsgd"));
        Assert.Equal("softmax", header.Model);
        Assert.Equal(10, header.ClassNames.Count);
        Assert.Equal(785 * 10, weights.Length);
    }

    [Fact]
    public async Task StopRequest_EndsTrainingGracefully_AndStillWritesTheReport()
    {
        // --stop budget: under the default converged stop 5,000 rows can converge before the request comes (seen once in
        // nine full-suite runs), and the test would then see "converged" instead of the stop it is about.
        using var host = HostRun.Build(
            "--mode", "sync", "--workers", "2", "--stop", "budget", "--budget", "2m", "--train-rows", "5000", "--test-rows", "500", "--out", Out);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();

        // What Ctrl+C and SIGTERM do: ask the host to stop, 1.5 s into training.
        using var stopSoon = new CancellationTokenSource();
        stopSoon.Token.Register(lifetime.StopApplication);
        lifetime.ApplicationStarted.Register(() => stopSoon.CancelAfter(1500));

        Assert.Equal(0, await HostRun.RunAsync(host, Patience));

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "report.json")));
        Assert.Equal("stopped", report.RootElement.GetProperty("endedBy").GetString());
        Assert.True(report.RootElement.GetProperty("trainSeconds").GetDouble() < 60);
    }

    [Theory]
    [InlineData("--budget", "10x", "Training:Budget")]
    [InlineData("--workers", "0", "Training:Workers")]
    [InlineData("--mode", "sideways", "Training:Mode")]
    [InlineData("--ramp-end", "1.5", "Training:Policy:RampEnd")]
    [InlineData("--model", "transformer", "Model:Name")]
    public async Task BadSetting_FailsAtStart_NamingTheKey(string flag, string value, string key)
    {
        using var host = HostRun.Build(flag, value, "--out", Out);

        var error = await Record.ExceptionAsync(() => host.StartAsync());

        Assert.True(error is OptionsValidationException or InvalidOperationException, error?.GetType().Name);
        Assert.Contains(key, HybridSgd.Host.ConfigurationErrors.Describe(error!));
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void LogFormat_TextByDefault_JsonWhenAsked()
    {
        using var text = HostRun.Build("--out", Out);
        using var json = HostRun.Build("--log-format", "json", "--out", Out);

        Assert.Equal("text", text.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
        Assert.Equal("json", json.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
    }

    [Fact]
    public void UnknownLogFormat_FailsWhenTheHostIsBuilt_NamingTheKey()
    {
        // The console logger is created with the host, before it starts; Program reports both the same way.
        var error = Assert.Throws<OptionsValidationException>(() => HostRun.Build("--log-format", "xml", "--out", Out));

        Assert.Equal(
            "Logging:Console:FormatterName 'xml' is not one of: text, json, simple, systemd.",
            HybridSgd.Host.ConfigurationErrors.Describe(error));
    }

    [Fact]
    public async Task MissingDataDirectory_FailsWithExitCodeOneAndNoOutput()
    {
        using var host = HostRun.Build("--data-dir", Path.Combine(Out, "nowhere"), "--budget", "1s", "--out", Out);

        Assert.Equal(1, await HostRun.RunAsync(host, Patience));
        Assert.False(File.Exists(Path.Combine(Out, "report.json")));
    }
}
