using System.Net;
using HybridSgd.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using OrleansClusterOptions = Orleans.Configuration.ClusterOptions;

namespace HybridSgd.Host.Cluster;

/// <summary>One Orleans silo on the program's generic host, configured from the <c>Cluster</c> section.</summary>
internal static class ClusterHosting
{
    /// <summary>
    /// Adds the silo when <c>Cluster:Enabled</c> is true and the section can configure one; returns whether it did. With
    /// bad settings nothing is added: the section's validation, at start, then names the key (Orleans would fail first,
    /// less clearly, on an unparsable address).
    /// </summary>
    public static bool TryAddSilo(HostApplicationBuilder builder)
    {
        ClusterOptions options;
        try
        {
            options = builder.Configuration.GetSection(ClusterOptions.SectionName).Get<ClusterOptions>() ?? new ClusterOptions();
        }
        catch (InvalidOperationException)
        {
            // A value that does not bind (--membership carrier-pigeon): the section's binding at start names the key.
            return false;
        }

        if (!options.Enabled || !ClusterOptionsValidator.CanConfigure(options))
        {
            return false;
        }

        builder.UseOrleans(silo => Configure(silo, options));
        return true;
    }

    private static void Configure(ISiloBuilder silo, ClusterOptions options)
    {
        int siloPort = options.SiloPort + options.SiloIndex;
        int gatewayPort = options.GatewayPort + options.SiloIndex;
        switch (options.Membership)
        {
            case ClusterMembership.Redis:
                silo.UseRedisClustering(options.Redis);

                // Where each grain lives is recorded in Redis too, not in the silos' own directory: with the in-cluster
                // directory, the silo owning the parameter server's directory entry takes the job down when it dies
                // (Orleans deactivates activations whose registration was on a dead silo; seen with kill -9 of silo 2).
                silo.UseRedisGrainDirectoryAsDefault(directory =>
                    directory.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(options.Redis));
                silo.Configure<OrleansClusterOptions>(cluster =>
                {
                    cluster.ClusterId = options.ClusterId;
                    cluster.ServiceId = options.ServiceId;
                });
                silo.ConfigureEndpoints(IPAddress.Parse(options.Address), siloPort, gatewayPort, listenOnAnyHostAddress: true);
                break;
            default:
                // Silo 0 is the primary: it holds the development membership table the others join.
                silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, options.SiloPort), options.ServiceId, options.ClusterId);
                break;
        }

        silo.Configure<SiloOptions>(o => o.SiloName = SiloName(options.SiloIndex));
        silo.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = options.ProbeTimeout.Value;
            membership.NumMissedProbesLimit = options.MissedProbesLimit;
        });
        silo.AddHybridSgdCluster();
    }

    public static string SiloName(int index) => $"silo-{index}";
}
