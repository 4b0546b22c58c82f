using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Configuration;
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

    /// <summary>Called by the aggregator after every update, under its lock: for invariant checks in tests.</summary>
    internal Action<AppliedUpdate>? OnUpdate { get; init; }
}
