using HybridSgd.Cluster.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HybridSgd.Cluster;

/// <summary>Adds the cluster trainer to a silo: the parameter-server grain's services and the silo's own trainer.</summary>
public static class ClusterSiloBuilderExtensions
{
    /// <summary>Settings come from the <c>Cluster:Training</c> section of the host's configuration, validated at start.</summary>
    public static ISiloBuilder AddHybridSgdCluster(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ClusterTrainingOptions>().BindConfiguration(ClusterTrainingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterTrainingOptions>, ClusterTrainingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SiloTrainer>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<SiloTrainer>());
        return builder;
    }
}
