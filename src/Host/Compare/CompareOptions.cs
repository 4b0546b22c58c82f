using System.ComponentModel.DataAnnotations;
using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Host.Compare;

/// <summary>The <c>compare</c> verb (section <c>Compare</c>): which methods, how many seeds, which targets.</summary>
public sealed record CompareOptions
{
    public const string SectionName = "Compare";

    /// <summary>
    /// Comma-separated: any of sync, async, hybrid (the configured progress schedule, the linear ramp by default),
    /// adaptive (the adaptive policy) and sdca (ML.NET's SDCA trainer for the task).
    /// </summary>
    [Required]
    public string Methods { get; init; } = "sync,async,hybrid,adaptive,sdca";

    /// <summary>Runs per method; seeds are Training:Seed, Training:Seed + 1, …</summary>
    [Range(1, 100)]
    public int Seeds { get; init; } = 5;

    /// <summary>
    /// Accuracies whose time to reach is reported (besides SDCA's accuracy); empty for
    /// <see cref="DefaultTargets"/>. No default array here: the configuration binder appends to an existing
    /// array instead of replacing it.
    /// </summary>
    public double[]? Targets { get; init; }

    public static IReadOnlyList<double> DefaultTargets { get; } = [0.80, 0.82, 0.84];

    public IReadOnlyList<double> TargetList() => Targets is { Length: > 0 } targets ? targets : DefaultTargets;

    /// <summary>How often each run's test accuracy is sampled: the time resolution of the curves.</summary>
    public Duration EvaluationInterval { get; init; } = new(TimeSpan.FromMilliseconds(500));

    public IReadOnlyList<string> MethodList() =>
        Methods.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(m => m.ToLowerInvariant())
            .ToArray();
}
