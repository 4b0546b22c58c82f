using HybridSgd.Host.Cluster;
using HybridSgd.Host.CommandLine;
using HybridSgd.Host.Compare;
using HybridSgd.Host.Data;
using HybridSgd.Host.Jobs;
using HybridSgd.Host.Logging;
using HybridSgd.Host.Options;
using HybridSgd.Host.Scoring;
using HybridSgd.Host.Service;
using HybridSgd.Host.Service.Feeding;
using HybridSgd.Host.Service.Status;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace HybridSgd.Host;

/// <summary>Builds the generic host: configuration sources, validated options and the job service.</summary>
internal static class HostSetup
{
    public const string SettingsFileName = "appsettings.json";

    public static HostApplicationBuilder CreateBuilder(CommandLineArguments arguments, string? contentRoot = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // The command line's settings are added below, as parsed by System.CommandLine, not by the default builder.
            Args = null,
            ContentRootPath = contentRoot ?? FindContentRoot(),
        });
        builder.Configuration.AddInMemoryCollection(arguments.Settings);

        // Logging:Console:FormatterName picks the console's lines: text (TextConsoleFormatter) or the built-in json. A name
        // no formatter has is an error: the console logger would fall back to its default without a word.
        builder.Logging.AddConsoleFormatter<TextConsoleFormatter, ConsoleFormatterOptions>();
        builder.Services.AddOptions<ConsoleLoggerOptions>().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ConsoleLoggerOptions>>(new KnownNameValidator<ConsoleLoggerOptions>(
            HybridSgdCommand.LogFormatKey, o => o.FormatterName ?? ConsoleFormatterNames.Simple, TextConsoleFormatter.Names));

        // A failed start is reported by Program as one line naming the key; the host's own stack-trace dump is noise.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        AddValidatedOptions<TrainingOptions>(builder, TrainingOptions.SectionName);
        AddValidatedOptions<DataOptions>(builder, DataOptions.SectionName);
        AddValidatedOptions<ModelOptions>(builder, ModelOptions.SectionName);
        AddValidatedOptions<OutputOptions>(builder, OutputOptions.SectionName);
        AddValidatedOptions<SimulationOptions>(builder, SimulationOptions.SectionName);
        AddValidatedOptions<CompareOptions>(builder, CompareOptions.SectionName);
        AddValidatedOptions<ScoringOptions>(builder, ScoringOptions.SectionName);
        AddValidatedOptions<ServiceOptions>(builder, ServiceOptions.SectionName);
        AddValidatedOptions<ClusterOptions>(builder, ClusterOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<ServiceOptions>, ServiceOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<SimulationOptions>, SimulationOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<CompareOptions>, CompareOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<TrainingOptions>, TrainingOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<ModelOptions>>(
            new KnownNameValidator<ModelOptions>(ModelOptions.SectionName + ":Name", o => o.Name.ToLowerInvariant(), ModelOptions.KnownNames));
        builder.Services.AddSingleton<IValidateOptions<DataOptions>>(
            new KnownNameValidator<DataOptions>(DataOptions.SectionName + ":Dataset", o => o.Dataset, DatasetCatalog.Names));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<JobOutcome>();
        builder.Services.AddSingleton(new CommandLineText(arguments.Text));
        builder.Services.AddSingleton(ServiceInput.StandardInput);
        switch (arguments.Verb)
        {
            case Verb.Compare:
                builder.Services.AddSingleton<IJob, CompareJob>();
                break;
            case Verb.Evaluate:
                builder.Services.AddSingleton<IJob, EvaluateJob>();
                break;
            case Verb.Predict:
                builder.Services.AddSingleton<IJob, PredictJob>();
                break;
            case Verb.Serve:
                AddService(builder);
                break;
            default:
                // train --cluster: this process is one Orleans silo (started before the job, as the host starts its
                // services in order), and the job is this silo's part of the cluster's.
                if (ClusterHosting.TryAddSilo(builder))
                {
                    builder.Services.AddSingleton<IJob, ClusterTrainJob>();
                }
                else
                {
                    builder.Services.AddSingleton<IJob, TrainJob>();
                }

                break;
        }

        builder.Services.AddHostedService<JobService>();
        return builder;
    }

    /// <summary>
    /// serve: the job, its meter and state, and systemd integration (readiness and stop notifications, journal-style
    /// logs; a no-op outside systemd). The graceful-stop allowance comes from Service:ShutdownTimeout.
    /// </summary>
    private static void AddService(HostApplicationBuilder builder)
    {
        builder.Services.AddSystemd();
        builder.Services.AddOptions<HostOptions>()
            .Configure<IOptions<ServiceOptions>>((host, service) => host.ShutdownTimeout = service.Value.ShutdownTimeout.Value);
        builder.Services.AddSingleton<TrainingMetrics>();
        builder.Services.AddSingleton<ServiceState>();
        builder.Services.AddSingleton<ServiceMetrics>();
        builder.Services.AddSingleton<IJob, ServeJob>();
    }

    private static void AddValidatedOptions<T>(HostApplicationBuilder builder, string section)
        where T : class
    {
        // ErrorOnUnknownConfiguration: a misspelt key in appsettings.json fails at start instead of being ignored.
        builder.Services.AddOptions<T>()
            .Bind(builder.Configuration.GetSection(section), binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(section));
    }

    /// <summary>
    /// appsettings.json lives at the repository root, which is the working directory of the README's
    /// <c>dotnet run</c>; run from elsewhere, the copy next to the executable is used.
    /// </summary>
    private static string FindContentRoot() =>
        File.Exists(Path.Combine(Environment.CurrentDirectory, SettingsFileName))
            ? Environment.CurrentDirectory
            : AppContext.BaseDirectory;
}
