using System.Text.Json;
using HybridSgd.Host;
using HybridSgd.Host.Service;
using HybridSgd.Host.Service.Checkpoints;
using HybridSgd.Host.Service.Feeding;
using HybridSgd.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Tests.Service;

/// <summary>
/// The real <c>serve</c> host, in-process, on a <see cref="ServiceFiles"/> scratch folder, with quick intervals.
/// <see cref="CrashAsync"/> stops it the way <c>kill -9</c> would look from the model directory: no final checkpoint.
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private readonly IHost _host;
    private bool _stopped;

    private ServiceHost(IHost host, LogCollector logs)
    {
        _host = host;
        Logs = logs;
    }

    public LogCollector Logs { get; }

    public IServiceProvider Services => _host.Services;

    /// <param name="extra">More switches, e.g. --Service:SegmentRows 50.</param>
    public static async Task<ServiceHost> StartAsync(ServiceFiles files, string[]? extra = null, TextReader? stdin = null, bool crashOnStop = false)
    {
        string[] args =
        [
            "serve", "--inbox", files.Inbox, "--model-dir", files.ModelDirectory, "--label", "diagnosis", "--workers", "2", "--lr", "0.2",
            "--Service:SettleTime", "200ms", "--Service:PollInterval", "50ms", "--Service:StatusInterval", "100ms",
            "--Service:TestInterval", "100ms", "--Service:CheckpointInterval", "30s", "--Service:SegmentRows", "100",
            .. extra ?? [],
        ];
        var builder = HostSetup.CreateBuilder(CommandLines.Parse(args), contentRoot: AppContext.BaseDirectory);
        var logs = new LogCollector();
        builder.Logging.AddProvider(logs);
        if (stdin is not null)
        {
            builder.Services.AddSingleton(new ServiceInput(() => stdin));
        }

        if (crashOnStop)
        {
            builder.Services.AddSingleton(new ServiceTestHooks { SkipFinalCheckpoint = true });
        }

        var host = builder.Build();
        await host.StartAsync().WaitAsync(Patience);
        return new ServiceHost(host, logs);
    }

    public static JsonElement Status(ServiceFiles files)
    {
        string path = Path.Combine(files.ModelDirectory, "status.json");
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                return document.RootElement.Clone();
            }
            catch (IOException) when (attempt < 20)
            {
                Thread.Sleep(20);
            }
        }
    }

    /// <summary>The newest usable checkpoint on disk.</summary>
    public static LoadedCheckpoint? Checkpoint(ServiceFiles files) => new CheckpointStore(files.ModelDirectory).Load([]);

    /// <summary>Waits until <paramref name="condition"/> holds (checked every 50 ms), failing after <see cref="Patience"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!Safe(condition))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the service has moved <paramref name="count"/> files to done/ and is idle with nothing left to checkpoint.</summary>
    public static Task WaitForDoneAsync(ServiceFiles files, int count) =>
        WaitUntilAsync(
            () => Directory.Exists(files.Done) && Directory.GetFiles(files.Done).Length >= count
                && Status(files).GetProperty("state").GetString() == "waiting",
            $"{count} files are in done/");

    public async Task StopAsync()
    {
        _stopped = true;
        await _host.StopAsync().WaitAsync(Patience);
    }

    /// <summary>Stops without the final checkpoint: what a crash leaves is the last checkpoint written while running.</summary>
    public Task CrashAsync() => StopAsync();

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await StopAsync();
        }

        _host.Dispose();
    }

    private static bool Safe(Func<bool> condition)
    {
        try
        {
            return condition();
        }
        catch (Exception exception) when (exception is IOException or JsonException or KeyNotFoundException)
        {
            return false;
        }
    }
}
