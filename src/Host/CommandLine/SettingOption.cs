using System.CommandLine;

namespace HybridSgd.Host.CommandLine;

/// <summary>
/// A switch that stands for one configuration key (<c>--workers</c> for <c>Training:Workers</c>). Its value goes to
/// configuration as text, so it is checked once, where the key is bound and validated, wherever it came from
/// (appsettings.json, an environment variable or this switch).
/// </summary>
internal sealed class SettingOption : Option<string>
{
    /// <param name="detail">Help text after the key, e.g. " (default: the embedded copy)".</param>
    public SettingOption(string name, string key, string valueName, string? detail = null, params string[] aliases)
        : base(name, aliases)
    {
        Key = key;
        HelpName = valueName;
        Description = key + detail;

        // Given twice, the last one wins, as it does for any configuration source.
        Arity = ArgumentArity.OneOrMore;
        CustomParser = result => result.Tokens[^1].Value;
        Validators.Add(result =>
        {
            // System.CommandLine gives a switch that needs a value the next token whatever it is: `--label --epochs 3`
            // would make "--epochs" the label.
            if (result.Tokens.FirstOrDefault(token => token.Value.StartsWith("--", StringComparison.Ordinal) && token.Value.Length > 2) is { } token)
            {
                result.AddError($"Option '{name}' needs a value, not the switch '{token.Value}'.");
            }
        });
    }

    /// <summary>The configuration key, e.g. <c>Training:Workers</c>.</summary>
    public string Key { get; }
}
