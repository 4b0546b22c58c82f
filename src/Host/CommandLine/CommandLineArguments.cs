using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Host.CommandLine;

/// <summary>
/// The verb to run and the configuration keys the command line sets. The keys go into the host's configuration
/// above appsettings.json and environment variables, so every switch has both twins and is validated where its
/// section is bound; the budget/epochs pairing is the one rule decided here.
/// </summary>
internal sealed record CommandLineArguments(Verb Verb, IReadOnlyDictionary<string, string?> Settings, string Text)
{
    private const string Training = TrainingOptions.SectionName + ":";

    /// <summary>
    /// Parses <paramref name="args"/> against <see cref="HybridSgdCommand"/>. No verb means train (System.CommandLine
    /// has no default subcommand, so the word is supplied), and each <c>--Section:Key</c> becomes a hidden switch for
    /// that key, so that it is parsed like every other switch: same value rules, last one wins.
    /// </summary>
    public static ParseResult Parse(IReadOnlyList<string> args)
    {
        var root = HybridSgdCommand.Create();
        var switches = root.Subcommands.SelectMany(command => command.Options).SelectMany(Names).ToHashSet(StringComparer.Ordinal);

        // `--Section:Key`, not a switch of ours in System.CommandLine's `--switch:value` form.
        bool IsConfigurationKey(string word) =>
            word.StartsWith("--", StringComparison.Ordinal) && word.IndexOf(':', StringComparison.Ordinal) is > 2 and int colon
            && !switches.Contains(word[..colon]);

        var words = new List<string>(args.Count + 1);
        foreach (string word in args)
        {
            // `--Section:Key=value` as two words: System.CommandLine splits only the switches it knows.
            int equals = word.IndexOf('=', StringComparison.Ordinal);
            words.AddRange(IsConfigurationKey(word) && equals > 0 ? [word[..equals], word[(equals + 1)..]] : [word]);
        }

        bool rootSwitch = words.Count > 0 && root.Options.Any(option => option is HelpOption or VersionOption && Names(option).Contains(words[0]));
        if (words.Count == 0 || (words[0].StartsWith('-') && !rootSwitch))
        {
            words.Insert(0, "train");
        }

        foreach (string key in words.Where(IsConfigurationKey).Distinct(StringComparer.Ordinal))
        {
            root.Options.Add(new SettingOption(key, key[2..], "value") { Hidden = true, Recursive = true });
        }

        return root.Parse(words);
    }

    /// <summary>The verb and settings of a parse without errors; null for help and <c>--version</c>, which run no job.</summary>
    public static CommandLineArguments? From(ParseResult result)
    {
        if (result.Errors.Count > 0 || result.CommandResult.Command is not VerbCommand command || result.Action is not null)
        {
            return null;
        }

        // In the order the switches first appear: of two switches for one key, the one named later wins.
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in result.CommandResult.Children.OfType<OptionResult>().Where(option => !option.Implicit))
        {
            switch (option.Option)
            {
                case SettingOption setting:
                    settings[setting.Key] = option.GetValueOrDefault<string>();
                    break;
                case FlagOption flag:
                    settings[flag.Key] = option.GetValueOrDefault<bool>() ? "true" : "false";
                    break;
            }
        }

        PairLimits(settings);
        string text = string.Join(' ', result.Tokens.Select(token => token.Value).Prepend("hybridsgd"));
        return new CommandLineArguments(command.Verb, settings, text);
    }

    /// <summary>
    /// A run stops at its budget or its epochs, whichever comes first. Naming only one of them on the command
    /// line means "this cap", so the other one configured in appsettings.json is cleared.
    /// </summary>
    private static void PairLimits(Dictionary<string, string?> settings)
    {
        bool epochs = settings.ContainsKey(Training + "Epochs");
        bool budget = settings.ContainsKey(Training + "Budget");
        if (epochs != budget)
        {
            settings[Training + (epochs ? "Budget" : "Epochs")] = "";
        }
    }

    private static IEnumerable<string> Names(Option option) => option.Aliases.Prepend(option.Name);
}
