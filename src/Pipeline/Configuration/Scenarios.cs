namespace HybridSgd.Pipeline.Configuration;

/// <summary>The named cluster conditions and what each one sets.</summary>
public static class Scenarios
{
    /// <summary>Every worker at full speed, no communication delay.</summary>
    public const string Uniform = "uniform";

    /// <summary>A quarter of the workers (at least one) compute four times slower.</summary>
    public const string Stragglers = "stragglers";

    /// <summary>Every push and pull takes 2 ms plus up to 2 ms of jitter.</summary>
    public const string SlowNetwork = "slow-network";

    public static IReadOnlyList<string> Names { get; } = [Uniform, Stragglers, SlowNetwork];

    public const double StragglerSlowdown = 4;

    public static readonly TimeSpan SlowNetworkDelay = TimeSpan.FromMilliseconds(2);

    /// <summary>Resolves the options into one condition per worker.</summary>
    public static IReadOnlyList<WorkerCondition> Resolve(SimulationOptions options, int workers)
    {
        if (!Names.Contains(options.Scenario))
        {
            throw new ArgumentException(
                $"{SimulationOptions.SectionName}:Scenario '{options.Scenario}' is not one of: {string.Join(", ", Names)}.", nameof(options));
        }

        int stragglers = options.Scenario == Stragglers ? Math.Max(1, workers / 4) : 0;
        TimeSpan networkDelay = options.Scenario == SlowNetwork ? SlowNetworkDelay : TimeSpan.Zero;
        var push = options.PushDelay?.Value ?? networkDelay;
        var pull = options.PullDelay?.Value ?? networkDelay;
        var jitter = options.DelayJitter?.Value ?? networkDelay;
        var conditions = new WorkerCondition[workers];
        for (int id = 0; id < workers; id++)
        {
            // The stragglers are the last workers, so worker 0 is always a full-speed one.
            double slowdown = options.WorkerSlowdown is { } given
                ? (id < given.Length ? given[id] : 1)
                : (id >= workers - stragglers ? StragglerSlowdown : 1);
            conditions[id] = new WorkerCondition(slowdown, push, pull, jitter);
        }

        return conditions;
    }
}
