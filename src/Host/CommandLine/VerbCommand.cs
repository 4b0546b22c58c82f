using System.CommandLine;

namespace HybridSgd.Host.CommandLine;

/// <summary>A subcommand that runs a job, with the examples its help ends with.</summary>
internal sealed class VerbCommand(Verb verb, string description, IReadOnlyList<string> examples)
    : Command(verb.ToString().ToLowerInvariant(), description)
{
    public Verb Verb { get; } = verb;

    public IReadOnlyList<string> Examples { get; } = examples;
}
