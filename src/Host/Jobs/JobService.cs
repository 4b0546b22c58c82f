using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Host.Jobs;

/// <summary>
/// Runs the chosen job once as a background service and then stops the host. The host's stopping token (Ctrl+C,
/// SIGTERM) is the job's graceful-stop signal. Failures become a clear log line and exit code 1; errors about
/// the user's input are reported without a stack trace.
/// </summary>
internal sealed partial class JobService(
    IJob job,
    JobOutcome outcome,
    IHostApplicationLifetime lifetime,
    ILogger<JobService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the long synchronous parts of loading begin.
        await Task.Yield();
        try
        {
            await job.RunAsync(stoppingToken).ConfigureAwait(false);
            outcome.ExitCode = 0;
        }
        catch (Exception exception) when (IsInputError(exception))
        {
            LogInputError(logger, exception.Message);
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private static bool IsInputError(Exception exception) =>
        exception is IOException or InvalidDataException or UnauthorizedAccessException or FormatException or SettingsConflictException
            or Cluster.ClusterWaitException;

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LogInputError(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Training failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
