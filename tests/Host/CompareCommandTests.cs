using System.Text.Json;
using System.Xml.Linq;

using HybridSgd.Tests.Datasets.Tabular;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Host;

/// <summary>The compare verb end to end with tiny budgets: every method, every seed, all four outputs.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    private string Out => _scratch.Path;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Compare_AllMethodsTwoSeeds_WritesJsonSummaryAndChart()
    {
        // Iris as a user's CSV, not a Fashion-MNIST subset: ML.NET's SDCA, which runs once per seed, takes 5-8 s on a
        // few thousand Fashion-MNIST rows (more passes on fewer rows) and 0.1 s here, and what is checked is the verb.
        using var files = new TabularFiles();
        string data = files.Iris("iris.csv");
        using var host = HostRun.Build(
            "compare", "--train", data, "--label", "species", "--methods", "sync,async,hybrid,sdca", "--workers", "2",
            "--scenario", "stragglers", "--budget", "1s", "--seeds", "2", "--out", Out);

        Assert.Equal(0, await HostRun.RunAsync(host, TimeSpan.FromMinutes(3)));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "compare.json")));
        var methods = json.RootElement.GetProperty("methods").EnumerateArray().ToList();
        Assert.Equal(["sync", "async", "hybrid", "sdca"], methods.Select(m => m.GetProperty("summary").GetProperty("method").GetString()));
        foreach (var method in methods)
        {
            var runs = method.GetProperty("runs").EnumerateArray().ToList();
            Assert.Equal([1, 2], runs.Select(r => r.GetProperty("seed").GetInt32()));
            Assert.All(runs, r => Assert.True(r.GetProperty("test").GetProperty("accuracy").GetDouble() > 0.5));
            Assert.True(method.GetProperty("summary").GetProperty("accuracy").TryGetProperty("standardDeviation", out _));
        }

        var stragglerRuns = methods[0].GetProperty("runs").EnumerateArray();
        Assert.All(stragglerRuns, r => Assert.Equal("stragglers", r.GetProperty("scenario").GetString()));
        Assert.True(json.RootElement.GetProperty("sdcaAccuracy").GetDouble() > 0.5);

        string summary = File.ReadAllText(Path.Combine(Out, "summary.md"));
        Assert.Contains("| hybrid | 2 |", summary);
        Assert.Contains("time to SDCA's accuracy", summary);

        var svg = XDocument.Parse(File.ReadAllText(Path.Combine(Out, "compare.svg")));
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(Out, "compare.png")).Take(4));
    }

    [Fact]
    public async Task Compare_UnknownMethod_FailsAtStartNamingTheKey()
    {
        using var host = HostRun.Build("compare", "--methods", "sync,adam", "--out", Out);

        var error = await Record.ExceptionAsync(() => host.StartAsync());

        Assert.NotNull(error);
        Assert.Contains("Compare:Methods names 'adam'", HybridSgd.Host.ConfigurationErrors.Describe(error));
    }
}
