using HybridSgd.Host;
using HybridSgd.Host.CommandLine;
using HybridSgd.Host.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

if (!CommandLineArguments.TryParse(args, out var arguments, out var usageError))
{
    Console.Error.WriteLine(usageError);
    Console.Error.WriteLine("Run 'hybridsgd help' for the options.");
    return 2;
}

if (arguments.Verb == CommandLineArguments.HelpVerb)
{
    Console.WriteLine(CommandLineArguments.Usage);
    return 0;
}

try
{
    using var host = HostSetup.CreateBuilder(arguments).Build();

    // Resolved before running: RunAsync disposes the host's services when it returns.
    var outcome = host.Services.GetRequiredService<JobOutcome>();
    await host.RunAsync().ConfigureAwait(false);
    return outcome.ExitCode;
}
catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException)
{
    // Bad settings fail here, at start, before any training: name the key, skip the stack trace.
    Console.Error.WriteLine($"Configuration error: {ConfigurationErrors.Describe(exception)}");
    return 2;
}
