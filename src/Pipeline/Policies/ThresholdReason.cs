using System.Text.Json.Serialization;
using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Pipeline.Policies;

/// <summary>Why k changed (report.json writes these in camelCase).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ThresholdReason>))]
public enum ThresholdReason
{
    /// <summary>A progress policy's schedule: k as a function of the fraction of the budget or epochs used.</summary>
    Progress,

    /// <summary>The gradient noise scale grew past the current effective batch: bigger updates lose nothing.</summary>
    NoiseScale,

    /// <summary>The progressive loss stopped improving at the current k.</summary>
    Plateau,

    /// <summary>The validation loss's progress slowed before k had settled: one step toward synchronous.</summary>
    ValidationSlowdown,

    /// <summary>The validation loss stopped improving before k had settled: the learning curve calls for synchronous steps.</summary>
    ValidationPlateau,

    /// <summary>The run's known end (budget or epochs) is near: k is at least a ramp toward synchronous over its last part.</summary>
    NearingEnd,

    /// <summary>The loss got worse over the window after a raise of k, so the raise was undone.</summary>
    Rollback,

    /// <summary>Workers much slower than the rest: k is capped so that a round does not wait for them.</summary>
    Stragglers,

    /// <summary>Workers ran out of data (or stopped): k is capped at the workers still sending gradients.</summary>
    WorkersRetired,

    /// <summary>Workers joined the run (a silo of a cluster registered its workers): the cap on k rose with them.</summary>
    WorkersJoined,

    /// <summary>A batch formed at an old k was regrouped at the current one (no change of k).</summary>
    Regroup,
}
