using HybridSgd.Cluster.Contracts;
using HybridSgd.Host.Data;
using HybridSgd.Host.Jobs;
using HybridSgd.Host.Options;
using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Host.Cluster;

/// <summary>What of the <c>Training</c> settings a cluster run can honour, refused by name when it cannot.</summary>
internal static class ClusterRunSettings
{
    private const string Training = TrainingOptions.SectionName + ":";

    /// <summary>The run's epochs: the plan every silo's shard follows and against which lost gradients are counted.</summary>
    public static int Check(TrainingOptions training, DataOptions data, SimulationOptions simulation)
    {
        if (training.Stop == StopRule.Converged)
        {
            throw new SettingsConflictException(
                $"{Training}Stop is Converged, which train --cluster does not offer yet (the parameter server runs no validation monitor): use --stop epochs --epochs N (with --budget as a cap if you like).");
        }

        if (training.Epochs is not { } epochs)
        {
            throw new SettingsConflictException(
                $"{Training}Epochs is empty: train --cluster needs --epochs N (each silo passes N times over its shard; a dead silo's unfinished part is what the report counts as lost).");
        }

        if (data.Train == StandardInputFile.Marker)
        {
            throw new SettingsConflictException($"{DataOptions.SectionName}:Train is standard input, which train --cluster cannot share between silos: give a file every silo can read.");
        }

        if (simulation.Scenario != Scenarios.Uniform)
        {
            throw new SettingsConflictException($"{SimulationOptions.SectionName}:Scenario is {simulation.Scenario}: train --cluster runs over a real network and simulates no delays (use uniform).");
        }

        if (training.StalenessAwareStep)
        {
            throw new SettingsConflictException($"{Training}StalenessAwareStep is not implemented by the parameter server yet: leave it off for train --cluster.");
        }

        Schedule(training);
        return epochs;
    }

    public static ClusterDecay Decay(TrainingOptions training) => training.LearningRateDecay switch
    {
        LearningRateDecay.Linear => ClusterDecay.Linear,
        LearningRateDecay.Cosine => ClusterDecay.Cosine,
        _ => ClusterDecay.None,
    };

    public static ClusterSchedule Schedule(TrainingOptions training) => training.Mode switch
    {
        TrainingMode.Async => ClusterSchedule.Async,
        TrainingMode.Sync => ClusterSchedule.Sync,
        TrainingMode.Hybrid when training.Policy.Kind == ThresholdPolicyKind.Adaptive => ClusterSchedule.Adaptive,
        _ => throw new SettingsConflictException(
            $"{Training}Policy:Kind is {training.Policy.Kind}: train --cluster offers the adaptive hybrid policy, sync and async (the fixed ramps need a progress horizon the parameter server does not have yet)."),
    };
}
