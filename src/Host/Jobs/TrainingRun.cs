using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Host.Jobs;

/// <summary>Derives per-run training options from the configured ones without changing them.</summary>
internal static class TrainingRun
{
    public static TrainingOptions WithModeAndSeed(TrainingOptions configured, TrainingMode mode, int seed, Duration evaluationInterval) => new()
    {
        Mode = mode,
        Seed = seed,
        EvaluationInterval = evaluationInterval,
        Workers = configured.Workers,
        BatchSize = configured.BatchSize,
        LearningRate = configured.LearningRate,
        LearningRateDecay = configured.LearningRateDecay,
        FinalLearningRateFraction = configured.FinalLearningRateFraction,
        L2 = configured.L2,
        Epochs = configured.Epochs,
        Budget = configured.Budget,
        Shuffle = configured.Shuffle,
        Policy = configured.Policy,
        LoaderBufferedBatches = configured.LoaderBufferedBatches,
        AggregatorBufferedBatches = configured.AggregatorBufferedBatches,
    };
}
