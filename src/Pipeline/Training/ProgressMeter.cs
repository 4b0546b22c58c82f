namespace HybridSgd.Pipeline.Training;

/// <summary>
/// Training progress p ∈ [0, 1] for the threshold policy: the fraction of the time budget spent or of the
/// planned examples applied, whichever is further along (the run stops at whichever limit comes first).
/// </summary>
internal sealed class ProgressMeter
{
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly TimeSpan? _budget;
    private readonly long? _plannedExamples;

    public ProgressMeter(TimeProvider time, TimeSpan? budget, long? plannedExamples)
    {
        _time = time;
        _start = time.GetTimestamp();
        _budget = budget;
        _plannedExamples = plannedExamples;
    }

    public TimeSpan Elapsed => _time.GetElapsedTime(_start);

    public double At(long examplesApplied)
    {
        double byTime = _budget is { } budget ? Elapsed / budget : 0;
        double byData = _plannedExamples is > 0 and { } planned ? examplesApplied / (double)planned : 0;
        return Math.Clamp(Math.Max(byTime, byData), 0, 1);
    }
}
