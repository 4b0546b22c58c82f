namespace HybridSgd.Tests.Cluster;

/// <summary>
/// The silo-stop test builds a cluster of its own (it stops one of its silos) and runs alone too: after the shared
/// cluster of <see cref="ClusterCollection"/> is gone, not beside it.
/// </summary>
[CollectionDefinition(nameof(SiloStopCollection), DisableParallelization = true)]
public sealed class SiloStopCollection;
