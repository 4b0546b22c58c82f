using HybridSgd.Embedding.Online;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HybridSgd.Embedding;

/// <summary>Adds an online HybridSgd trainer to an app: <c>builder.Services.AddHybridSgd(builder.Configuration.GetSection("HybridSgd"))</c>.</summary>
public static class HybridSgdServiceCollectionExtensions
{
    /// <summary>
    /// Registers the trainer as a hosted service, an <see cref="ExampleInbox"/> to write examples to, a
    /// <see cref="LiveModel"/> to predict with, the "HybridSgd" meter and a "hybridsgd" health check. The options are
    /// bound from <paramref name="section"/> and validated when the app starts, each problem naming its key.
    /// </summary>
    public static IServiceCollection AddHybridSgd(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        string path = section is IConfigurationSection named ? named.Path : HybridSgdOptions.SectionName;
        services.AddOptions<HybridSgdOptions>()
            .Bind(section, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<HybridSgdOptions>>(new HybridSgdOptionsValidator(path));
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrainingMetrics>();
        services.AddSingleton<TrainerState>();
        services.AddSingleton(provider => new ExampleInbox(provider.GetRequiredService<IOptions<HybridSgdOptions>>().Value));
        services.AddSingleton(provider => new LiveModel(CreateModel(provider.GetRequiredService<IOptions<HybridSgdOptions>>().Value)));
        services.AddHostedService<OnlineTrainer>();
        // A singleton, because the check remembers the drops it has reported; AddCheck<T> alone would build a
        // new one per check and call every drop ever made "new".
        services.AddSingleton<HybridSgdHealthCheck>();
        services.AddHealthChecks().AddCheck<HybridSgdHealthCheck>("hybridsgd");
        return services;
    }

    /// <summary>As above, plus an <see cref="ExampleInbox{T}"/> that reads the app's own example class (see <see cref="ExampleMapper{T}"/>).</summary>
    public static IServiceCollection AddHybridSgd<TExample>(this IServiceCollection services, IConfiguration section)
    {
        services.AddHybridSgd(section);
        services.AddSingleton(provider => new ExampleInbox<TExample>(provider.GetRequiredService<ExampleInbox>(), new ExampleMapper<TExample>()));
        return services;
    }

    private static IModel CreateModel(HybridSgdOptions options)
    {
        string name = options.Model.Length > 0 ? options.Model.ToLowerInvariant() : ModelFactory.DefaultFor(options.Task);
        return ModelFactory.Create(name, options.Task, options.FeatureCount, options.ClassCount, options.HiddenLayers);
    }
}
