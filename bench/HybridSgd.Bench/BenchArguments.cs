using System.CommandLine;

namespace HybridSgd.Bench;

/// <summary>The bench program's command line, parsed by System.CommandLine as hybridsgd's is (help, "did you mean").</summary>
internal sealed record BenchArguments
{
    private static readonly string[] Parts = ["micro", "swap", "throughput", "alloc", "softmax", "lightgbm", "embedding", Profile];

    /// <summary>
    /// Not a measurement: one long pipeline run (softmax, async, 2 workers) to attach a profiler to, e.g.
    /// <c>dotnet-trace collect -- dotnet HybridSgd.Bench.dll --only profile</c>. Never part of a default run.
    /// </summary>
    public const string Profile = "profile";

    public required string Output { get; init; }

    public required string Artifacts { get; init; }

    public required string Commit { get; init; }

    public required string Command { get; init; }

    /// <summary>Hand-written files appended to the report, in order (figures measured by other scripts, profiling notes).</summary>
    public IReadOnlyList<string> NotesFiles { get; init; } = [];

    public string? DataDirectory { get; init; }

    public bool Quick { get; init; }

    public BenchSettings Settings => Quick ? BenchSettings.Quick : new BenchSettings();

    private HashSet<string> Selected { get; init; } = [];

    public bool Runs(string part) => Selected.Contains(part);

    /// <summary>The arguments, or null with the exit code when there is nothing to run: 0 after --help, 2 after a usage error.</summary>
    public static BenchArguments? Parse(IReadOnlyList<string> args, out int exitCode)
    {
        var output = Text("--out", "FILE", "the report to write", Path.Combine("docs", "BENCHMARKS.md"));
        var quick = new Option<bool>("--quick") { Description = "fewer and shorter runs" };
        var skip = PartList("--skip", "parts to leave out", []);
        var only = PartList("--only", "the parts to run (profile: one long run to attach a profiler to)", [.. Parts.Except([Profile])]);
        var commit = Text("--commit", "TEXT", "the commit measured, for the report", "unknown");
        var command = Text("--command", "TEXT", "the command that ran, for the report", "bench/run.sh");
        var artifacts = Text("--artifacts", "DIR", "where BenchmarkDotNet writes its files", Path.Combine("runs", "bench"));
        var data = new Option<string>("--data-dir") { HelpName = "DIR", Description = "Fashion-MNIST's IDX files (default: the embedded copy)" };
        var notes = new Option<string[]>("--notes") { HelpName = "FILE", Description = "a hand-written file appended to the report (repeatable)" };
        var root = new RootCommand("hybridsgd benchmarks: writes docs/BENCHMARKS.md") { output, quick, skip, only, commit, command, artifacts, data, notes };

        var result = root.Parse(args);
        if (result.Errors.Count > 0 || result.Action is not null)
        {
            // Errors (with "did you mean") and then the help, or the help asked for.
            exitCode = result.Errors.Count > 0 ? 2 : 0;
            result.Invoke();
            return null;
        }

        exitCode = 0;
        return new BenchArguments
        {
            Output = result.GetValue(output)!,
            Quick = result.GetValue(quick),
            Selected = [.. result.GetValue(only)!.Except(result.GetValue(skip)!)],
            Commit = result.GetValue(commit)!,
            Command = result.GetValue(command)!,
            Artifacts = result.GetValue(artifacts)!,
            DataDirectory = result.GetValue(data),
            NotesFiles = result.GetValue(notes) ?? [],
        };
    }

    private static Option<string> Text(string name, string valueName, string description, string fallback) =>
        new(name) { HelpName = valueName, Description = description, DefaultValueFactory = _ => fallback };

    /// <summary>A comma-separated list of parts, every one known.</summary>
    private static Option<string[]> PartList(string name, string description, string[] fallback)
    {
        var option = new Option<string[]>(name)
        {
            HelpName = string.Join(',', Parts.Except([Profile])),
            Description = description,
            Arity = ArgumentArity.ExactlyOne,
            DefaultValueFactory = _ => fallback,
            CustomParser = result => result.Tokens[0].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        option.Validators.Add(result =>
        {
            var unknown = result.GetValueOrDefault<string[]>().Except(Parts).ToArray();
            if (unknown.Length > 0)
            {
                result.AddError($"unknown part(s) {string.Join(", ", unknown)}; known: {string.Join(", ", Parts)}");
            }
        });
        return option;
    }
}
