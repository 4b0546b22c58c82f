using HybridSgd.Pipeline.Aggregation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridSgd.Pipeline.Training;

/// <summary>The services a run uses from its host: logging and time (injected so tests control them).</summary>
public sealed class TrainerEnvironment
{
    public ILogger Logger { get; init; } = NullLogger.Instance;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Called by the aggregator after every update, under its lock: for invariant checks in tests.</summary>
    internal Action<AppliedUpdate>? OnUpdate { get; init; }
}
