using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace HybridSgd.Host.CommandLine;

/// <summary>
/// System.CommandLine's help, then how switches relate to settings and the described command's examples (the
/// root's help shows every command's). Its help builder is internal in 2.0, so this is added after its text.
/// </summary>
internal sealed class HelpWithExamples(HelpAction help, IReadOnlyList<string> everyExample) : SynchronousCommandLineAction
{
    /// <summary>Asking for help is never a parse error: <c>train --typo --help</c> shows train's help.</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        int exitCode = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Each option sets the appsettings.json key named beside it (environment variable: Section__Key);");
        output.WriteLine("--Section:Key value sets any key, e.g. --Training:Policy:RampEnd 0.7.");
        output.WriteLine();
        output.WriteLine("Examples:");
        foreach (string example in parseResult.CommandResult.Command is VerbCommand verb ? verb.Examples : everyExample)
        {
            output.WriteLine($"  {example}");
        }

        output.WriteLine();
        return exitCode;
    }
}
