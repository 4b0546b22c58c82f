using HybridSgd.Cluster;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace HybridSgd.Tests.Cluster;

/// <summary>Every test silo runs the cluster trainer (the test cluster builds each silo from this type's name).</summary>
public sealed class TrainerSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddHybridSgdCluster();
}
