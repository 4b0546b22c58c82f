using Microsoft.Extensions.Logging;

namespace HybridSgd.Pipeline.Workers;

/// <summary>The workers' log messages.</summary>
internal static partial class WorkerLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Worker {Worker} failed on a minibatch; it gets a fresh kernel and retries the minibatch")]
    public static partial void Replaced(ILogger logger, int worker, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Worker {Worker} failed on the same minibatch again: dropped its {Examples} examples, training goes on")]
    public static partial void Dropped(ILogger logger, int worker, int examples, Exception exception);
}
