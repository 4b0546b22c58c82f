using HybridSgd.Host.Options;
using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Host.Jobs;

/// <summary>Derives per-run training options from the configured ones without changing them.</summary>
internal static class TrainingRun
{
    /// <summary>The converged stop reads a validation slice: refuse, naming both keys, when none is held out.</summary>
    public static void CheckStop(TrainingOptions training, DataOptions data)
    {
        if (training.Stop == StopRule.Converged && data.ValidationFraction == 0)
        {
            throw new SettingsConflictException(
                $"{TrainingOptions.SectionName}:Stop is Converged, which needs a validation slice, but {DataOptions.SectionName}:ValidationFraction is 0: hold some rows out (e.g. 0.1) or stop by --budget or --epochs (--stop budget|epochs).");
        }
    }

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
        Stop = configured.Stop,
        Convergence = configured.Convergence,
        StalenessAwareStep = configured.StalenessAwareStep,
        Budget = configured.Budget,
        Shuffle = configured.Shuffle,
        Policy = configured.Policy,
        LoaderBufferedBatches = configured.LoaderBufferedBatches,
        AggregatorBufferedBatches = configured.AggregatorBufferedBatches,
    };
}
