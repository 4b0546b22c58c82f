using HybridSgd.Pipeline.Observability;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Pipeline.Policies;
using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Pipeline.Aggregation;

/// <summary>What the aggregator is built from; copied at construction.</summary>
/// <param name="StalenessAwareStep">Scale each message's step by 1/staleness (Zhang et al. 2016).</param>
/// <param name="InitialLiveWorkers">
/// Workers live at the start (null: all <paramref name="Workers"/>). A cluster starts at 0 and admits each worker as
/// its silo registers it, so that <paramref name="Workers"/> is the most that may ever be live, not a promise.
/// </param>
internal sealed record AggregatorSettings(
    int Workers,
    int BufferedBatches,
    IThresholdPolicy Policy,
    IOptimizer Optimizer,
    ProgressMeter Progress,
    ILogger Logger,
    Action<AppliedUpdate>? OnUpdate = null,
    TrainingMetrics? Metrics = null,
    LearningRateSchedule? Schedule = null,
    bool StalenessAwareStep = false,
    int? InitialLiveWorkers = null);
