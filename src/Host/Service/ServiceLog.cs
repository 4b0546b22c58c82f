using Microsoft.Extensions.Logging;

namespace HybridSgd.Host.Service;

/// <summary>The service's structured log lines: every phase change, file accepted or failed, checkpoint written or resumed.</summary>
internal static partial class ServiceLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Serving: inbox {Inbox}, model directory {ModelDirectory}, standard input {Stdin}")]
    public static partial void Started(ILogger logger, string inbox, string modelDirectory, bool stdin);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed from {Checkpoint} saved {SavedUtc:u}: {Rows} rows, {Updates} updates, {Sources} files in progress")]
    public static partial void Resumed(ILogger logger, string checkpoint, DateTimeOffset savedUtc, long rows, long updates, int sources);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem} Using the previous one.")]
    public static partial void CheckpointRejected(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "No checkpoint in {ModelDirectory}: starting a new model")]
    public static partial void Fresh(ILogger logger, string modelDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema from {File}: task {Task} ({Reason}), {Features} features, model {Model}")]
    public static partial void SchemaDefined(ILogger logger, string file, string task, string reason, int features, string model);

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted {File} ({Bytes} bytes){Resume}")]
    public static partial void Accepted(ILogger logger, string file, long bytes, string resume);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} has the name of a file trained on before but other content: reading it from its first row")]
    public static partial void Replaced(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} grew after it was accepted (rows were appended in place): reading on after the {Rows} rows already learned. Write the file under another name and rename it when complete")]
    public static partial void Appended(ILogger logger, string file, long rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} changed while it was being trained on ({Change}): it stays in the inbox and is read again once it settles")]
    public static partial void ChangedWhileTrained(ILogger logger, string file, string change);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained on {File}: {Rows} rows; progressive loss {Loss:F4} accuracy {Accuracy:F4}, k={Threshold}, {Updates} updates in all")]
    public static partial void FileTrained(ILogger logger, string file, long rows, double? loss, double? accuracy, int threshold, long updates);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File}: all {Rows} rows were learned before the restart")]
    public static partial void AlreadyLearned(ILogger logger, string file, long rows);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Segment of {File}: {Rows} rows, {Updates} updates, {Seconds:F3}s")]
    public static partial void Segment(ILogger logger, string file, int rows, long updates, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed {File}, moved to {FailedPath}: {Reason}")]
    public static partial void Failed(ILogger logger, string file, string failedPath, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint written: {Rows} rows, {Updates} updates, {Sources} files in progress; {Released} files moved out of the inbox")]
    public static partial void CheckpointWritten(ILogger logger, long rows, long updates, int sources, int released);

    [LoggerMessage(Level = LogLevel.Information, Message = "Test {File}: {Metrics}")]
    public static partial void Tested(ILogger logger, string file, string metrics);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for data in {Inbox}")]
    public static partial void Waiting(ILogger logger, string inbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stop requested: the segment of {File} did not finish within {Grace}; its rows will be read again after a restart")]
    public static partial void SegmentAbandoned(ILogger logger, string file, TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Information, Message = "Standard input ended after {Rows} rows in {Chunks} chunks")]
    public static partial void StdinEnded(ILogger logger, long rows, int chunks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Path}: {Reason}")]
    public static partial void StatusNotWritten(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped: {Rows} rows, {Updates} updates, {FilesDone} files done, {FilesFailed} failed; model {Model}")]
    public static partial void Stopped(ILogger logger, long rows, long updates, long filesDone, long filesFailed, string model);
}
