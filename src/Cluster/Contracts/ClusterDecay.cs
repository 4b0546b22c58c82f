namespace HybridSgd.Cluster.Contracts;

/// <summary>
/// How the parameter server lowers the learning rate over the job's planned examples: the wire's own copy of the
/// Pipeline's <c>LearningRateDecay</c> (which carries no Orleans codec), pinned numbers, mapped onto it.
/// </summary>
[GenerateSerializer]
[Alias("HybridSgd.Cluster.ClusterDecay")]
public enum ClusterDecay
{
    None = 0,
    Linear = 1,
    Cosine = 2,
}
