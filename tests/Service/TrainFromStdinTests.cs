using System.Text.Json;
using HybridSgd.Host;
using HybridSgd.Host.Jobs;
using HybridSgd.Host.Service.Feeding;
using HybridSgd.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HybridSgd.Tests.Service;

/// <summary><c>train --train -</c> reads its CSV from standard input.</summary>
public sealed class TrainFromStdinTests : IDisposable
{
    private readonly ServiceFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Train_TrainDash_ReadsTheCsvFromStandardInput()
    {
        string run = Path.Combine(_files.Root, "run");
        var arguments = CommandLines.Parse("train", "--train", "-", "--label", "diagnosis", "--epochs", "20", "--workers", "2", "--out", run);
        var builder = HostSetup.CreateBuilder(arguments, contentRoot: AppContext.BaseDirectory);
        builder.Services.AddSingleton(new ServiceInput(() => new StringReader(ServiceFiles.Csv(0, 569))));
        using var host = builder.Build();
        var outcome = host.Services.GetRequiredService<JobOutcome>();
        await host.RunAsync().WaitAsync(ServiceHost.Patience);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(570, File.ReadAllLines(Path.Combine(run, "stdin.csv")).Length);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "report.json")));
        Assert.Equal("binary", report.RootElement.GetProperty("task").GetString());
        Assert.Equal(114, report.RootElement.GetProperty("test").GetProperty("count").GetInt32());
    }
}
