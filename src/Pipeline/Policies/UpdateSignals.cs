namespace HybridSgd.Pipeline.Policies;

/// <summary>What the aggregator knows after an update (or, with no gradients, before the first one).</summary>
public readonly ref struct UpdateSignals
{
    /// <summary>Fraction of the budget or planned epochs used, in [0, 1]; 0 for a run with no horizon.</summary>
    public double Progress { get; init; }

    /// <summary>
    /// True when <see cref="Progress"/> reaches 1 where the run is meant to end (a budget or planned epochs); false for
    /// a run with no cap, for a converged run's cap (a safety net) and for a stream's ramp, which training outlives.
    /// </summary>
    public bool ProgressEndsRun { get; init; }

    /// <summary>Workers the run started with.</summary>
    public int Workers { get; init; }

    /// <summary>Workers still sending gradients.</summary>
    public int LiveWorkers { get; init; }

    /// <summary>The k in force for this update.</summary>
    public int Threshold { get; init; }

    /// <summary>Examples in all updates so far, this one included.</summary>
    public long Examples { get; init; }

    /// <summary>Training time so far.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>
    /// True once after the run's validation loss stopped improving while the policy had not settled k: the
    /// learning curve says it is time to move to synchronous (a policy free to decide may do so).
    /// </summary>
    public bool ValidationPlateau { get; init; }

    /// <summary>
    /// True once after the validation loss's progress slowed (less than the slowdown tolerance over the last half of the
    /// examples) while k had not settled: a policy free to decide may raise k a step.
    /// </summary>
    public bool ValidationSlowdown { get; init; }

    /// <summary>The gradients (or local-step displacements) this update was made of; empty before the first update.</summary>
    public ReadOnlySpan<GradientSignal> Gradients { get; init; }
}
