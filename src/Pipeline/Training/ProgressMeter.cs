namespace HybridSgd.Pipeline.Training;

/// <summary>
/// Training progress p ∈ [0, 1] for the threshold policy: the fraction of the time budget spent or of the
/// planned examples applied, whichever is further along (the run stops at whichever limit comes first) — or,
/// for a stream with no end, whatever the caller's own function says (time or updates since the service began).
/// </summary>
internal sealed class ProgressMeter
{
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly TimeSpan? _budget;
    private readonly long? _plannedExamples;
    private readonly Func<RunCounts, double>? _custom;

    /// <param name="customEndsRun">
    /// Whether <paramref name="custom"/> reaches 1 where the run ends (a cluster's planned examples) rather than where a
    /// stream's ramp ends (a service's ramp length, after which training goes on).
    /// </param>
    /// <param name="capIsPlannedEnd">
    /// Whether the budget or epochs are where the run is meant to end (<c>Training:Stop</c> Budget or Epochs) rather
    /// than a safety net for a run that stops itself (the converged stop).
    /// </param>
    public ProgressMeter(TimeProvider time, TimeSpan? budget, long? plannedExamples, Func<RunCounts, double>? custom = null, bool customEndsRun = false, bool capIsPlannedEnd = true)
    {
        _time = time;
        _start = time.GetTimestamp();
        _budget = budget;
        _plannedExamples = plannedExamples;
        _custom = custom;
        EndsRun = custom is null ? capIsPlannedEnd && (budget is not null || plannedExamples is > 0) : customEndsRun;
    }

    /// <summary>
    /// True when p = 1 is the planned end of the run (a budget or epochs the run is meant to use up): the run's end is
    /// known in advance. False for a converged run's cap: such a run usually stops well before it, and preparing for
    /// the cap (the adaptive policy's end floor raises k from a quarter of it) made a capped run settle early and end
    /// worse than the same run uncapped (docs/RESULTS.md).
    /// </summary>
    public bool EndsRun { get; }

    public TimeSpan Elapsed => _time.GetElapsedTime(_start);

    /// <summary>The run's one clock.</summary>
    public TimeProvider Time => _time;

    public double At(long examplesApplied, long updates)
    {
        if (_custom is not null)
        {
            double p = _custom(new RunCounts(examplesApplied, updates, Elapsed));
            return double.IsNaN(p) ? 0 : Math.Clamp(p, 0, 1);
        }

        double byTime = _budget is { } budget ? Elapsed / budget : 0;
        double byData = _plannedExamples is > 0 and { } planned ? examplesApplied / (double)planned : 0;
        return Math.Clamp(Math.Max(byTime, byData), 0, 1);
    }
}
