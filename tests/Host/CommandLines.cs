using System.CommandLine;
using HybridSgd.Host.CommandLine;

namespace HybridSgd.Tests.Host;

/// <summary>Runs the real command line as Program does: what a parse yields, prints or rejects.</summary>
internal static class CommandLines
{
    /// <summary>The verb and settings of <paramref name="args"/>, failing the test with the usage errors if there are any.</summary>
    public static CommandLineArguments Parse(params string[] args)
    {
        var result = CommandLineArguments.Parse(args);
        Assert.True(result.Errors.Count == 0, Errors(result));
        return Assert.IsType<CommandLineArguments>(CommandLineArguments.From(result));
    }

    /// <summary>What the user reads on standard error for a rejected command line.</summary>
    public static string Errors(params string[] args)
    {
        var result = CommandLineArguments.Parse(args);
        Assert.NotEmpty(result.Errors);
        Assert.Null(CommandLineArguments.From(result));
        return Errors(result);
    }

    /// <summary>What a command line that runs no job (help, --version) prints, and its exit code.</summary>
    public static (string Text, int ExitCode) Output(params string[] args)
    {
        var result = CommandLineArguments.Parse(args);
        Assert.Null(CommandLineArguments.From(result));
        var output = new StringWriter();
        int exitCode = result.Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (output.ToString(), exitCode);
    }

    private static string Errors(ParseResult result)
    {
        var text = new StringWriter();
        UsageErrors.Write(result, text);
        return text.ToString();
    }
}
