using System.Diagnostics.Metrics;
using HybridSgd.Pipeline.Observability;

namespace HybridSgd.Host.Service.Status;

/// <summary>
/// The service's own instruments on the "HybridSgd" meter, beside the pipeline's (examples, updates, k, staleness,
/// progressive and test figures): the inbox queue, the checkpoint's age and the files handled.
/// </summary>
internal sealed class ServiceMetrics
{
    private readonly Counter<long> _filesDone;
    private readonly Counter<long> _filesFailed;

    public ServiceMetrics(TrainingMetrics metrics, ServiceState state)
    {
        Training = metrics;
        var meter = metrics.Meter;
        meter.CreateObservableGauge("hybridsgd.inbox.files", () => state.InboxFiles, "{file}", "Data files waiting in the inbox and the stdin spool.");
        meter.CreateObservableGauge("hybridsgd.checkpoint.age", () => state.CheckpointAgeSeconds, "s", "Seconds since the last checkpoint was written.");
        _filesDone = meter.CreateCounter<long>("hybridsgd.files.done", "{file}", "Files (and stdin chunks) fully trained on.");
        _filesFailed = meter.CreateCounter<long>("hybridsgd.files.failed", "{file}", "Files (and stdin chunks) moved to failed/.");
    }

    public TrainingMetrics Training { get; }

    public void FileDone() => _filesDone.Add(1);

    public void FileFailed() => _filesFailed.Add(1);
}
