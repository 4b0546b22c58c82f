using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridSgd.Pipeline.Training;

/// <summary>The services a run uses from its host: logging and time (injected so tests control them).</summary>
public sealed class TrainerEnvironment
{
    public ILogger Logger { get; init; } = NullLogger.Instance;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Simulated conditions of each worker (slowdown, push/pull delays), by worker id; workers beyond the list
    /// are ideal. See <see cref="Configuration.Scenarios.Resolve"/>.
    /// </summary>
    public IReadOnlyList<WorkerCondition> Cluster { get; init; } = [];

    /// <summary>Start from these weights instead of initialising the model (a service's next run, a resume); copied.</summary>
    public float[]? InitialWeights { get; init; }

    /// <summary>
    /// The threshold policy's progress p ∈ [0, 1] from the current run's counts, replacing "fraction of the
    /// budget or of the planned epochs" — for a stream with no end, p by time or by updates since it began.
    /// </summary>
    public Func<RunCounts, double>? Progress { get; init; }

    /// <summary>Watches the run (a test set's learning curve, a progress display); none when null.</summary>
    public ITrainingObserver? Observer { get; init; }

    /// <summary>Where the run records the "HybridSgd" meter's figures; none when null.</summary>
    public TrainingMetrics? Metrics { get; init; }

    /// <summary>
    /// When a worker's kernel throws, log it, give the worker a fresh kernel and retry the minibatch once (then
    /// drop and count it) instead of failing the run. A long-running service wants this; a one-off run wants
    /// the fault.
    /// </summary>
    public bool ReplaceFailedWorkers { get; init; }

    /// <summary>Workers also predict each minibatch before learning from it, for progressive accuracy (costs a forward pass).</summary>
    public bool ProgressiveValidation { get; init; }

    /// <summary>Every message of every worker takes this many local steps, instead of the planner's choice: for exact-maths tests.</summary>
    internal int? LocalSteps { get; init; }

    /// <summary>Called by the aggregator after every update, under its lock: for invariant checks in tests.</summary>
    internal Action<AppliedUpdate>? OnUpdate { get; init; }
}
