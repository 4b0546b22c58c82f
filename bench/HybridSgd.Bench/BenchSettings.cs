using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Models;

namespace HybridSgd.Bench;

/// <summary>
/// Every setting the benchmarks use, in one place, so the report can print them and a reader can see what was
/// compared. The trainers' settings are the pipeline's defaults except where a comment says otherwise.
/// </summary>
internal sealed record BenchSettings
{
    public int BatchSize { get; init; } = 64;

    /// <summary>Workers of the headline runs: one per core of the 2-core reference machine.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>Worker counts whose throughput is compared with the 2-worker figure (oversubscribed cores).</summary>
    public IReadOnlyList<int> OversubscribedWorkers { get; init; } = [4, 8];

    /// <summary>Mode of the softmax time-to-accuracy runs (fixed before measuring, not picked afterwards).</summary>
    public TrainingMode SoftmaxMode { get; init; } = TrainingMode.Async;

    public float SoftmaxLearningRate { get; init; } = 0.05f;

    /// <summary>
    /// 256 hidden units: 128 plateaued at ~0.893 (docs/BENCHMARKS.md before this change), below LightGBM's 0.896.
    /// </summary>
    public IReadOnlyList<int> MlpHiddenLayers { get; init; } = [256];

    public TrainingMode MlpMode { get; init; } = TrainingMode.Async;

    /// <summary>A larger start than softmax's, made safe by the cosine decay to <see cref="MlpFinalLearningRateFraction"/>.</summary>
    public float MlpLearningRate { get; init; } = 0.2f;

    /// <summary>
    /// A constant step left the MLP bouncing ±0.5 % in test accuracy late in a run; decaying it over the budget lets
    /// the last epochs settle. The schedule spans the whole budget, so the budget is the target's own time.
    /// </summary>
    public LearningRateDecay MlpDecay { get; init; } = LearningRateDecay.Cosine;

    public float MlpFinalLearningRateFraction { get; init; } = 0.02f;

    public float L2 { get; init; } = 1e-5f;

    /// <summary>Seeds of the softmax time-to-accuracy runs; the median is reported.</summary>
    public IReadOnlyList<int> SoftmaxSeeds { get; init; } = [1, 2, 3];

    /// <summary>Longest softmax time-to-accuracy run; a run stops as soon as it reaches its target.</summary>
    public TimeSpan SoftmaxBudget { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Curve resolution of softmax runs: time-to-accuracy is read off the curve, so this bounds its error.</summary>
    public TimeSpan SoftmaxEvaluationInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public int MlpSeed { get; init; } = 1;

    /// <summary>
    /// The MLP run's budget as a multiple of LightGBM's training time: the target itself (0.5×), since the
    /// learning-rate schedule is laid out over the budget; the run stops early once it reaches LightGBM's accuracy.
    /// </summary>
    public double MlpBudgetOfLightGbm { get; init; } = 0.5;

    /// <summary>
    /// Scoring the 10k test rows with the MLP costs ~0.1 s of one core, so the curve is sampled less often than
    /// for softmax to keep the evaluation's share of the 2 cores small.
    /// </summary>
    public TimeSpan MlpEvaluationInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Length of one throughput measurement (pipeline run or plain loop).</summary>
    public TimeSpan ThroughputRun { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Interleaved rounds of the throughput comparison; the median of each configuration is reported.</summary>
    public int ThroughputRounds { get; init; } = 3;

    /// <summary>Rounds of the MLP's throughput comparison (plain loop against 2 workers): for its aggregator figures.</summary>
    public int MlpThroughputRounds { get; init; } = 2;

    /// <summary>Epochs of the short and the long allocation run; their difference is the steady state.</summary>
    public (int Short, int Long) AllocationEpochs { get; init; } = (1, 3);

    public int SwapRepetitions { get; init; } = 2000;

    /// <summary>Interleaved rounds of the embedded trainer's channel-against-in-memory comparison; the median ratio is reported.</summary>
    public int EmbeddingRounds { get; init; } = 3;

    public bool RunLightGbm { get; init; } = true;

    public bool RunMicro { get; init; } = true;

    /// <summary>A smoke test of the harness: everything short, figures not meaningful.</summary>
    public static BenchSettings Quick { get; } = new()
    {
        SoftmaxSeeds = [1],
        SoftmaxBudget = TimeSpan.FromSeconds(1),
        MlpBudgetOfLightGbm = 0.05,
        ThroughputRun = TimeSpan.FromSeconds(0.5),
        ThroughputRounds = 1,
        MlpThroughputRounds = 1,
        AllocationEpochs = (1, 2),
        SwapRepetitions = 100,
        EmbeddingRounds = 1,
    };
}
