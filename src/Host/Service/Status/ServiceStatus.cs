using HybridSgd.Pipeline.Evaluation;

namespace HybridSgd.Host.Service.Status;

/// <summary>
/// The shape of status.json (camelCase), for scripts watching the service. Add fields, never rename them.
/// </summary>
/// <param name="State">starting, waiting (for data), training, checkpointing, stopping or stopped.</param>
/// <param name="Rows">Data rows consumed over the service's life (across restarts).</param>
/// <param name="Examples">Examples in applied updates over the service's life.</param>
/// <param name="Threshold">k at the end of the last segment.</param>
/// <param name="ProgressiveLoss">Mean loss of every example scored just before it was learned from (over the service's life).</param>
/// <param name="ProgressiveAccuracy">The same examples' accuracy (classifiers).</param>
/// <param name="RecentProgressiveLoss">Progressive loss of the last segment alone: the model's current quality on new data.</param>
/// <param name="RecentProgressiveAccuracy">Progressive accuracy of the last segment alone.</param>
/// <param name="Test">The latest score of <c>Service:TestFile</c> (ML.NET's metrics for the task); null without one.</param>
/// <param name="InboxFiles">Data files waiting in the inbox and the spool (settled or not).</param>
/// <param name="CurrentFile">The file being trained on, if any.</param>
public sealed record ServiceStatus(
    ServicePhase State,
    DateTimeOffset StartedUtc,
    double UptimeSeconds,
    long Rows,
    long Examples,
    long Updates,
    long Segments,
    int Threshold,
    float? LearningRate,
    double TrainingSeconds,
    double? ProgressiveLoss,
    double? ProgressiveAccuracy,
    double? RecentProgressiveLoss,
    double? RecentProgressiveAccuracy,
    TaskMetrics? Test,
    long? TestAfterRows,
    int InboxFiles,
    DateTimeOffset? LastCheckpointUtc,
    long FilesDone,
    long FilesFailed,
    long SkippedRows,
    long DroppedMinibatches,
    string? CurrentFile,
    DateTimeOffset UpdatedUtc);
