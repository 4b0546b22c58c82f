namespace HybridSgd.Pipeline.Policies;

/// <summary>
/// A policy whose k is a pure function of progress p, the fraction of the budget (or of the planned epochs) used:
/// the fixed schedules of the paper. Pure functions are trivially thread-safe and testable, but need a horizon
/// chosen up front; <see cref="AdaptiveThresholdPolicy"/> needs none.
/// </summary>
internal abstract class ProgressPolicy : IThresholdPolicy
{
    /// <summary>False when k does not depend on p at all (then no budget or epochs are needed to place it).</summary>
    public virtual bool NeedsHorizon => true;

    public abstract string Describe();

    /// <summary>The threshold in [1, <paramref name="workerCount"/>] at <paramref name="progress"/> ∈ [0, 1].</summary>
    public abstract int ThresholdAt(double progress, int workerCount);

    public ThresholdDecision Decide(in UpdateSignals signals)
    {
        int threshold = ThresholdAt(signals.Progress, signals.Workers);
        return new ThresholdDecision(threshold, ThresholdReason.Progress, Settled: threshold == ThresholdAt(1, signals.Workers));
    }
}
