using HybridSgd.Host;
using HybridSgd.Host.CommandLine;
using HybridSgd.Host.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HybridSgd.Tests.Host;

/// <summary>Runs the real host in-process, as Program does, with the given command line.</summary>
internal static class HostRun
{
    public static IHost Build(params string[] args)
    {
        Assert.True(CommandLineArguments.TryParse(args, out var arguments, out var error), error);
        return HostSetup.CreateBuilder(arguments, contentRoot: AppContext.BaseDirectory).Build();
    }

    public static async Task<int> RunAsync(IHost host, TimeSpan patience)
    {
        var outcome = host.Services.GetRequiredService<JobOutcome>();
        await host.RunAsync().WaitAsync(patience);
        return outcome.ExitCode;
    }
}
