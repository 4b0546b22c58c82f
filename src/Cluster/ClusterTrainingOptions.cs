namespace HybridSgd.Cluster;

/// <summary>
/// Settings of the cluster trainer in every silo (section <c>Cluster:Training</c>), validated when the silo
/// starts (<see cref="ClusterTrainingOptionsValidator"/>).
/// </summary>
public sealed record ClusterTrainingOptions
{
    public const string SectionName = "Cluster:Training";

    /// <summary>
    /// How often a parameter server compares its workers' silos with cluster membership, so that the workers of a
    /// silo declared dead drop out of k's cap (a stopped silo's workers deregister themselves at once).
    /// </summary>
    public TimeSpan MembershipCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a silo's worker may take to deregister once it is done. It has its own deadline, apart from the run's
    /// tokens: a run that is stopping or failing must still tell the parameter server, or k would wait for it.
    /// </summary>
    public TimeSpan DeregistrationTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
