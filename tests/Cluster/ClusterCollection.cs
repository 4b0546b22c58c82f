namespace HybridSgd.Tests.Cluster;

/// <summary>
/// The cluster tests share one three-silo cluster (each test its own job) and run alone, not beside the rest of the
/// suite on two cores, where a starved silo could miss its membership probes.
/// </summary>
[CollectionDefinition(nameof(ClusterCollection), DisableParallelization = true)]
public sealed class ClusterCollection : ICollectionFixture<ThreeSiloCluster>;
