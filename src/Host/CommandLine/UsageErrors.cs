using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace HybridSgd.Host.CommandLine;

/// <summary>
/// Writes a command line's mistakes as System.CommandLine words them, with its "did you mean" suggestion for an
/// unknown switch, and where to read the options.
/// </summary>
internal static class UsageErrors
{
    public static void Write(ParseResult result, TextWriter writer)
    {
        var shown = WithoutStrayValues(result);
        if (shown.Action is ParseErrorAction action)
        {
            action.ShowHelp = false;
        }

        // The library separates its sections with blank lines, and leaves one where there was no suggestion.
        var text = new StringWriter();
        shown.Invoke(new InvocationConfiguration { Output = text, Error = text });
        writer.WriteLine(text.ToString().Trim());
        string command = shown.CommandResult.Command is VerbCommand verb ? $" {verb.Name}" : "";
        writer.WriteLine($"Run 'hybridsgd{command} --help' for the options.");
    }

    /// <summary>
    /// The value after an unknown switch (the 3 of <c>--workrs 3</c>), or after a switch taken as another's value, is
    /// not a mistake of its own: left in, it gets its own error and a meaningless suggestion (<c>-w</c>).
    /// </summary>
    private static ParseResult WithoutStrayValues(ParseResult result)
    {
        var unmatched = result.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        var tokens = result.Tokens;
        bool Stray(int i) => i > 0 && unmatched.Contains(tokens[i].Value) && !tokens[i].Value.StartsWith('-')
            && tokens[i - 1].Type == TokenType.Argument && tokens[i - 1].Value.StartsWith('-');
        string[] kept = [.. tokens.Where((_, i) => !Stray(i)).Select(token => token.Value)];
        if (kept.Length == tokens.Count)
        {
            return result;
        }

        var reduced = result.RootCommandResult.Command.Parse(kept);
        return reduced.Errors.Count > 0 ? reduced : result;
    }
}
