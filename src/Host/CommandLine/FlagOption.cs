using System.CommandLine;

namespace HybridSgd.Host.CommandLine;

/// <summary>A switch for a true/false configuration key that means true when given alone (<c>serve --stdin</c>).</summary>
internal sealed class FlagOption : Option<bool>
{
    public FlagOption(string name, string key, string? detail = null)
        : base(name)
    {
        Key = key;
        Description = key + detail;
    }

    /// <summary>The configuration key, e.g. <c>Service:Stdin</c>.</summary>
    public string Key { get; }
}
