using System.ComponentModel.DataAnnotations;

namespace HybridSgd.Pipeline.Configuration;

/// <summary>
/// Simulated cluster conditions (section <c>Simulation</c>): slower workers and communication delays, applied
/// as real waits inside the workers so every schedule feels them the way it would on a real cluster. A named
/// <see cref="Scenario"/> sets defaults; any value given here overrides the scenario's.
/// </summary>
public sealed record SimulationOptions
{
    public const string SectionName = "Simulation";

    /// <summary>"uniform", "stragglers" or "slow-network"; see <see cref="Scenarios"/>.</summary>
    [Required]
    public string Scenario { get; init; } = Scenarios.Uniform;

    /// <summary>
    /// Compute slowdown per worker (1 = full speed, 4 = four times slower); missing entries are 1.
    /// Overrides the scenario's slowdowns when set.
    /// </summary>
    public double[]? WorkerSlowdown { get; init; }

    /// <summary>Fixed delay before a gradient reaches the aggregator.</summary>
    public Duration? PushDelay { get; init; }

    /// <summary>Fixed delay between the aggregator handing out weights and the worker having them.</summary>
    public Duration? PullDelay { get; init; }

    /// <summary>Extra random delay, uniform in [0, jitter], added to each push and pull.</summary>
    public Duration? DelayJitter { get; init; }
}
