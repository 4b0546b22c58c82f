using HybridSgd.Host.Jobs;
using HybridSgd.Host.Options;
using HybridSgd.Host.Service.Feeding;
using HybridSgd.Host.Service.Status;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Persistence;
using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HybridSgd.Host.Service;

/// <summary>
/// The <c>serve</c> verb: resume from the model directory's checkpoint (or start empty), spool standard input if
/// asked, keep status.json fresh and train on whatever is fed until stopped; then write the final checkpoint and
/// model within the shutdown timeout.
/// </summary>
internal sealed class ServeJob(
    IOptions<ServiceOptions> serviceOptions,
    IOptions<TrainingOptions> training,
    IOptions<DataOptions> data,
    IOptions<ModelOptions> model,
    IOptions<SimulationOptions> simulation,
    ServiceState state,
    ServiceMetrics metrics,
    ServiceInput input,
    ILoggerFactory loggers,
    TimeProvider time,
    ServiceTestHooks? hooks = null) : IJob
{
    /// <summary>The trainer's own per-segment lines (start, progress, end) go here; appsettings.json sets it to Warning.</summary>
    public const string SegmentLogCategory = "HybridSgd.Service.Segments";

    public async Task RunAsync(CancellationToken stop)
    {
        var service = serviceOptions.Value;
        var logger = loggers.CreateLogger<ServeJob>();
        Directory.CreateDirectory(service.ModelDirectory);
        using var directoryLock = ModelDirectoryLock.Acquire(service.ModelDirectory);

        // A crash between writing a checkpoint's (or model.hsgd's, status.json's) temporary file and renaming it
        // leaves the temporary behind; it is never read, only removed.
        AtomicFile.RemoveLeftovers(service.ModelDirectory);
        var inbox = new FeedDirectoryScanner(service.Inbox, fromSpool: false, service.SettleTime.Value, time);

        // Chunks appear in the spool only when complete (renamed from .tmp), so they need no settle time.
        var spool = new FeedDirectoryScanner(service.SpoolDirectory, fromSpool: true, TimeSpan.Zero, time);
        var environment = new TrainerEnvironment
        {
            Logger = loggers.CreateLogger(SegmentLogCategory),
            Time = time,
            Cluster = Scenarios.Resolve(simulation.Value, training.Value.Workers),
            Metrics = metrics.Training,
        };
        var session = StreamSession.Open(
            service, training.Value, model.Value, environment, new FeedSources(inbox, spool), state, metrics, logger, time);
        ServiceLog.Started(logger, inbox.Directory, Path.GetFullPath(service.ModelDirectory), service.Stdin);
        var loop = new StreamLoop(session, service, data.Value, state, metrics, logger, time);
        var status = new StatusWriter(state, Path.Combine(service.ModelDirectory, StatusWriter.FileName), service.StatusInterval.Value, time, logger);
        using var background = new CancellationTokenSource();
        var statusTask = status.RunAsync(background.Token);
        var spoolTask = service.Stdin ? SpoolAsync(service, logger, stop) : Task.CompletedTask;
        try
        {
            if (session.Model is null && !string.IsNullOrWhiteSpace(service.SchemaFile))
            {
                session.Define(service.SchemaFile, data.Value, stop);
            }

            await loop.RunAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped while the schema file was being read: nothing was trained, nothing to keep.
        }
        finally
        {
            state.SetPhase(ServicePhase.Stopping);
            if (hooks?.SkipFinalCheckpoint != true && session.NeedsCheckpoint)
            {
                session.Checkpoint();
            }

            await background.CancelAsync().ConfigureAwait(false);
            await statusTask.ConfigureAwait(false);
            await spoolTask.ConfigureAwait(false);
            state.SetPhase(ServicePhase.Stopped);
            if (hooks?.SkipFinalCheckpoint != true)
            {
                status.WriteNow();
            }

            var totals = session.Model?.Totals;
            string model = File.Exists(session.ModelPath) ? session.ModelPath : "none yet (nothing was trained)";
            ServiceLog.Stopped(logger, totals?.Rows ?? 0, totals?.Updates ?? 0, totals?.FilesDone ?? 0, totals?.FilesFailed ?? 0, model);
        }
    }

    private async Task SpoolAsync(ServiceOptions service, ILogger logger, CancellationToken stop)
    {
        var spooler = new StdinSpooler(service.SpoolDirectory, service.StdinChunkRows, service.SettleTime.Value, time);
        using var reader = input.Open();
        await spooler.RunAsync(reader, stop).ConfigureAwait(false);
        if (!stop.IsCancellationRequested)
        {
            ServiceLog.StdinEnded(logger, spooler.Rows, spooler.Chunks);
        }
    }
}
