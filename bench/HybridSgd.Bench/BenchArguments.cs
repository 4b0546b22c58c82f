namespace HybridSgd.Bench;

/// <summary>The bench program's command line.</summary>
internal sealed record BenchArguments
{
    public const string Usage =
        "usage: HybridSgd.Bench [--out FILE] [--quick] [--skip micro,swap,throughput,alloc,softmax,lightgbm] " +
        "[--only PARTS (the above, or profile)] [--commit TEXT] [--command TEXT] [--artifacts DIR] [--data-dir DIR] [--notes FILE]";

    private static readonly string[] Parts = ["micro", "swap", "throughput", "alloc", "softmax", "lightgbm", Profile];

    /// <summary>
    /// Not a measurement: one long pipeline run (softmax, async, 2 workers) to attach a profiler to, e.g.
    /// <c>dotnet-trace collect -- dotnet HybridSgd.Bench.dll --only profile</c>. Never part of a default run.
    /// </summary>
    public const string Profile = "profile";

    public string Output { get; private init; } = Path.Combine("docs", "BENCHMARKS.md");

    public string Artifacts { get; private init; } = Path.Combine("runs", "bench");

    public string Commit { get; private init; } = "unknown";

    public string Command { get; private init; } = "bench/run.sh";

    /// <summary>A hand-written file appended to the report (profiling notes, before/after figures).</summary>
    public string? NotesFile { get; private init; }

    public string? DataDirectory { get; private init; }

    public bool Quick { get; private init; }

    public BenchSettings Settings => Quick ? BenchSettings.Quick : new BenchSettings();

    private HashSet<string> Selected { get; init; } = [.. Parts.Except([Profile])];

    public bool Runs(string part) => Selected.Contains(part);

    public static BenchArguments? Parse(IReadOnlyList<string> args)
    {
        var parsed = new BenchArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string? value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--quick":
                    parsed = parsed with { Quick = true };
                    continue;
                case "--out" when value is not null:
                    parsed = parsed with { Output = value };
                    break;
                case "--artifacts" when value is not null:
                    parsed = parsed with { Artifacts = value };
                    break;
                case "--commit" when value is not null:
                    parsed = parsed with { Commit = value };
                    break;
                case "--command" when value is not null:
                    parsed = parsed with { Command = value };
                    break;
                case "--notes" when value is not null:
                    parsed = parsed with { NotesFile = value };
                    break;
                case "--data-dir" when value is not null:
                    parsed = parsed with { DataDirectory = value };
                    break;
                case "--skip" when value is not null && PartList(value) is { } skipped:
                    parsed = parsed with { Selected = [.. parsed.Selected.Except(skipped)] };
                    break;
                case "--only" when value is not null && PartList(value) is { } only:
                    parsed = parsed with { Selected = [.. only] };
                    break;
                default:
                    Console.Error.WriteLine($"unknown or incomplete option '{args[i]}'");
                    return null;
            }

            i++;
        }

        return parsed;
    }

    private static string[]? PartList(string value)
    {
        var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = parts.Except(Parts).ToArray();
        if (unknown.Length > 0)
        {
            Console.Error.WriteLine($"unknown part(s) {string.Join(", ", unknown)}; known: {string.Join(", ", Parts)}");
            return null;
        }

        return parts;
    }
}
