using HybridSgd.Host;
using HybridSgd.Host.CommandLine;
using HybridSgd.Host.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

var commandLine = CommandLineArguments.Parse(args);
if (commandLine.Errors.Count > 0)
{
    UsageErrors.Write(commandLine, Console.Error);
    return 2;
}

// help and --version are System.CommandLine's own actions; a verb's work is the generic host's.
if (CommandLineArguments.From(commandLine) is not { } arguments)
{
    return commandLine.Invoke();
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
    Console.Error.WriteLine($"error: {ConfigurationErrors.Describe(exception)}");
    return 2;
}
