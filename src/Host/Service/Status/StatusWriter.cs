using System.Text.Json;
using HybridSgd.Host.Reports;
using HybridSgd.Pipeline.Persistence;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Host.Service.Status;

/// <summary>Rewrites status.json atomically every interval until stopped, and once more at the end.</summary>
internal sealed class StatusWriter(ServiceState state, string path, TimeSpan interval, TimeProvider time, ILogger logger)
{
    public const string FileName = "status.json";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public void WriteNow()
    {
        try
        {
            AtomicFile.Write(Path, stream => JsonSerializer.Serialize(stream, state.Snapshot(), ReportFile.Json));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A status file that cannot be written is worth a warning, not stopping the training it describes.
            ServiceLog.StatusNotWritten(logger, Path, exception.Message);
        }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                WriteNow();
            }
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The service writes the last status itself, after its final checkpoint.
        }
    }
}
