using System.Text.Json;
using HybridSgd.Host;
using HybridSgd.Host.Service;
using HybridSgd.Embedding.Checkpoints;
using HybridSgd.Host.Service.Feeding;
using HybridSgd.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using HybridSgd.Host.Service.Status;

namespace HybridSgd.Tests.Service;

/// <summary>
/// The real <c>serve</c> host, in-process, on a <see cref="ServiceFiles"/> scratch folder, with quick intervals.
/// <see cref="CrashAsync"/> stops it the way <c>kill -9</c> would look from the model directory: no final checkpoint.
/// Tests wait on the service's own state changes (<see cref="WaitUntilAsync"/>), never on a clock; with a fake
/// clock (<see cref="Time"/>) they also decide when time passes.
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly JsonSerializerOptions StatusJson = new(HybridSgd.Host.Reports.ReportFile.Json)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
    private readonly IHost _host;
    private readonly ServiceFiles _files;
    private bool _stopped;

    private ServiceHost(IHost host, LogCollector logs, ServiceFiles files, FakeTimeProvider? time)
    {
        _host = host;
        Logs = logs;
        _files = files;
        Time = time;
        State = host.Services.GetRequiredService<ServiceState>();
    }

    /// <summary>The service's clock when the test drives it; null on the system clock.</summary>
    public FakeTimeProvider? Time { get; }

    public ServiceState State { get; }

    public LogCollector Logs { get; }

    public IServiceProvider Services => _host.Services;

    /// <param name="extra">More switches, e.g. --Service:SegmentRows 50.</param>
    /// <param name="time">A fake clock the test advances (polls, settle times, intervals); null for the system clock.</param>
    public static async Task<ServiceHost> StartAsync(
        ServiceFiles files, string[]? extra = null, TextReader? stdin = null, bool crashOnStop = false, FakeTimeProvider? time = null)
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

        if (time is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(time);
        }

        var host = builder.Build();
        await host.StartAsync().WaitAsync(Patience);
        return new ServiceHost(host, logs, files, time);
    }

    /// <summary>status.json's content now, from the service's state (the same shape the file has).</summary>
    public JsonElement Status() => JsonSerializer.SerializeToElement(State.Snapshot(), StatusJson);

    /// <summary>status.json as last written to disk (after the service stopped, say).</summary>
    public static JsonElement StatusFile(ServiceFiles files)
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
                // The writer replaces the file by rename; a read that meets the swap is tried again.
            }
        }
    }

    /// <summary>The newest usable checkpoint on disk.</summary>
    public static LoadedCheckpoint? Checkpoint(ServiceFiles files) => new CheckpointStore(files.ModelDirectory).Load([]);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, re-checking it at every change of the service's state (with
    /// a fake clock, moving the clock one poll at a time so the service keeps working). Fails after
    /// <see cref="Patience"/> without a change: a hang guard, not a timing.
    /// </summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        while (true)
        {
            var changed = State.NextChange;
            if (Safe(condition))
            {
                return;
            }

            Time?.Advance(PollInterval);
            try
            {
                await changed.WaitAsync(Patience);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"The service stopped changing before {what}.");
            }
        }
    }

    /// <summary>Waits until the service has moved <paramref name="count"/> files to done/ and is idle with nothing left to checkpoint.</summary>
    public Task WaitForDoneAsync(int count) =>
        WaitUntilAsync(
            () => Directory.Exists(_files.Done) && Directory.GetFiles(_files.Done).Length >= count && State.Phase == ServicePhase.Waiting,
            $"{count} files are in done/");

    /// <summary>Lets <paramref name="scans"/> more polls of the inbox happen (on a fake clock: moves it one poll at a time).</summary>
    public Task PollAsync(int scans)
    {
        long target = State.InboxScans + scans;
        return WaitUntilAsync(() => State.InboxScans >= target, $"{scans} more scans of the inbox");
    }

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
