using System.CommandLine;

namespace HybridSgd.Host.CommandLine;

/// <summary>A subcommand that runs a job: its switches, and the examples its help ends with.</summary>
internal sealed class VerbCommand : Command
{
    public VerbCommand(Verb verb, string description, IEnumerable<Option> switches, params string[] examples)
        : base(verb.ToString().ToLowerInvariant(), description)
    {
        Verb = verb;
        Examples = examples;
        foreach (var option in switches)
        {
            Options.Add(option);
        }
    }

    public Verb Verb { get; }

    public IReadOnlyList<string> Examples { get; }
}
