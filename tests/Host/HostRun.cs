using HybridSgd.Host;
using HybridSgd.Host.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Tests.Host;

/// <summary>Runs the real host in-process, as Program does, with the given command line.</summary>
internal static class HostRun
{
    public static IHost Build(params string[] args) => Build(null, args);

    /// <summary>As above, with the host's log lines also going to <paramref name="logs"/>.</summary>
    public static IHost Build(ILoggerProvider? logs, params string[] args)
    {
        var builder = HostSetup.CreateBuilder(CommandLines.Parse(args), contentRoot: AppContext.BaseDirectory);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        return builder.Build();
    }

    public static async Task<int> RunAsync(IHost host, TimeSpan patience)
    {
        var outcome = host.Services.GetRequiredService<JobOutcome>();
        await host.RunAsync().WaitAsync(patience);
        return outcome.ExitCode;
    }
}
