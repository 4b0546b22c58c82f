using HybridSgd.Cluster.Silo;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace HybridSgd.Tests.Cluster;

/// <summary>
/// Orleans' in-process test cluster with three silos, each running the cluster trainer: the silos are real
/// (membership, placement, messages serialized between them), only the processes are one.
/// </summary>
public sealed class ThreeSiloCluster : IAsyncLifetime
{
    public const short Silos = 3;

    public TestCluster Cluster { get; } = new TestClusterBuilder(Silos)
        .AddSiloBuilderConfigurator<TrainerSiloConfigurator>()
        .Build();

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>The trainer living in <paramref name="silo"/>, as that silo's own services hold it.</summary>
    public SiloTrainer TrainerOf(SiloHandle silo) =>
        Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<SiloTrainer>();
}
