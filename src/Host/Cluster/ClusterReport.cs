using HybridSgd.Cluster.Contracts;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Host.Cluster;

/// <summary>
/// report.json of <c>train --cluster</c>, written by the coordinator (silo 0): the fields of a single-process report
/// that a cluster has (camelCase on disk; scripts read it: add fields, never rename them), and <see cref="Cluster"/>:
/// what each silo contributed, what was lost with a dead silo, and the wire's cost per update.
/// </summary>
public sealed record ClusterReport(
    string Dataset,
    string Task,
    string Model,
    string Mode,
    string Policy,
    int Seed,
    int BatchSize,
    float LearningRate,
    float L2,
    int Epochs,
    double? BudgetSeconds,
    double TrainSeconds,
    RunEnd EndedBy,
    long Examples,
    long Updates,
    long Gradients,
    long SkippedUpdates,
    TaskMetrics Test,
    ClusterSummary Cluster,
    IReadOnlyList<ThresholdStep> ThresholdChanges,
    string ModelFile,
    DateTimeOffset FinishedUtc);

/// <param name="LostSilos">Silos membership declared dead while they had live workers.</param>
/// <param name="LostWorkers">Their workers, retired by the parameter server rather than by their own deregistration.</param>
/// <param name="GradientsLost">Planned gradients the dead silos never delivered (their shards' unfinished minibatches).</param>
/// <param name="ExamplesLost">Rows behind them (shard rows × planned epochs, minus what was accepted).</param>
public sealed record ClusterSummary(
    string Membership,
    int Silos,
    int WorkersPerSilo,
    string HostSilo,
    int LostSilos,
    int LostWorkers,
    long? GradientsLost,
    long? ExamplesLost,
    long DuplicatesRefused,
    long DuplicateApplications,
    long SequenceGaps,
    WireSummary Wire,
    IReadOnlyList<SiloSummary> PerSilo);

/// <summary>
/// The wire's cost, from the silos that reported (a dead silo's own traffic is not in it).
/// </summary>
/// <param name="PayloadBytesPerGradient">Float32 bytes of one gradient message (4 × parameters; Orleans' framing not included).</param>
/// <param name="BytesPerUpdate">Gradient bytes pushed plus weight bytes pulled, per published update.</param>
/// <param name="MeanPushMs">Mean time from a push's call to its answer, which waits for the update that consumed it.</param>
/// <param name="MeanPullMs">Mean time of a pull that brought weights.</param>
public sealed record WireSummary(
    long PayloadBytesPerGradient,
    double BytesPerUpdate,
    double MeanPushMs,
    double MeanPullMs,
    double UpdatesPerSecond,
    double ExamplesPerSecond);

/// <summary>One silo's part (Index null: it never announced its shard).</summary>
public sealed record SiloSummary(
    int? Index,
    string Address,
    int Workers,
    long? PlannedGradients,
    long GradientsAccepted,
    long ExamplesAccepted,
    bool Dead,
    long? LostGradients,
    long? LostExamples,
    long? WeightPulls,
    double? MeanPushMs,
    double? MeanPullMs);
