namespace HybridSgd.Cluster.Contracts;

/// <summary>
/// The threshold schedule of a cluster job, as it travels to the parameter-server grain. Pipeline's
/// <c>TrainingMode</c> says the same, but Pipeline does not depend on Orleans, so its enums carry no codec; this one
/// pins the numbers on the wire and maps onto the Pipeline's policies (<see cref="ClusterScheduleExtensions"/>).
/// </summary>
[GenerateSerializer]
[Alias("HybridSgd.Cluster.ClusterSchedule")]
public enum ClusterSchedule
{
    /// <summary>k = 1: every gradient of every silo is applied as it arrives.</summary>
    Async = 0,

    /// <summary>k = the live workers of all silos: one gradient from each per update.</summary>
    Sync = 1,

    /// <summary>The adaptive hybrid policy: k from the measured noise scale, plateaus and worker pace.</summary>
    Adaptive = 2,
}
