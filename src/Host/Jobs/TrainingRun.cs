using HybridSgd.Host.Options;
using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Host.Jobs;

/// <summary>Checks on the training options of one run that need another section to judge.</summary>
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

}
