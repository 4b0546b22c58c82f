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

    public ProgressMeter(TimeProvider time, TimeSpan? budget, long? plannedExamples, Func<RunCounts, double>? custom = null)
    {
        _time = time;
        _start = time.GetTimestamp();
        _budget = budget;
        _plannedExamples = plannedExamples;
        _custom = custom;
    }

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
