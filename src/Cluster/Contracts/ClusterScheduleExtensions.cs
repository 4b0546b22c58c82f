using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Policies;

namespace HybridSgd.Cluster.Contracts;

/// <summary>Maps a <see cref="ClusterSchedule"/> onto the Pipeline's own policies: the maths is not re-implemented here.</summary>
public static class ClusterScheduleExtensions
{
    public static IThresholdPolicy CreatePolicy(this ClusterSchedule schedule) => schedule switch
    {
        ClusterSchedule.Async => ThresholdPolicyFactory.Create(TrainingMode.Async, new ThresholdPolicyOptions()),
        ClusterSchedule.Sync => ThresholdPolicyFactory.Create(TrainingMode.Sync, new ThresholdPolicyOptions()),
        ClusterSchedule.Adaptive => ThresholdPolicyFactory.Create(TrainingMode.Hybrid, new ThresholdPolicyOptions { Kind = ThresholdPolicyKind.Adaptive }),
        _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule, "unknown cluster schedule"),
    };

    public static LearningRateDecay ToPipeline(this ClusterDecay decay) => decay switch
    {
        ClusterDecay.None => LearningRateDecay.None,
        ClusterDecay.Linear => LearningRateDecay.Linear,
        ClusterDecay.Cosine => LearningRateDecay.Cosine,
        _ => throw new ArgumentOutOfRangeException(nameof(decay), decay, "unknown learning-rate decay"),
    };

    /// <summary>The adaptive policy reads the gradient noise scale, which workers measure from each gradient's two halves.</summary>
    public static bool ProbesNoise(this ClusterSchedule schedule) => schedule == ClusterSchedule.Adaptive;
}
