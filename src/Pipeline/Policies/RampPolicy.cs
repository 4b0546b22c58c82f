namespace HybridSgd.Pipeline.Policies;

/// <summary>
/// Shared shape of the ramps: k = 1 before <c>start</c>, k = N after <c>end</c> (all aggregation synchronous
/// once the ramp is over, as in the paper), and a policy-specific curve in between.
/// </summary>
internal abstract class RampPolicy : ProgressPolicy
{
    protected RampPolicy(double start, double end)
    {
        if (!(start >= 0 && start < end && end <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"need 0 <= start < end <= 1, got {start} and {end}");
        }

        Start = start;
        End = end;
    }

    public double Start { get; }

    public double End { get; }

    public override int ThresholdAt(double progress, int workerCount)
    {
        if (progress <= Start)
        {
            return 1;
        }

        if (progress >= End)
        {
            return workerCount;
        }

        double along = (progress - Start) / (End - Start);
        return Math.Clamp((int)Math.Round(Curve(along, workerCount), MidpointRounding.AwayFromZero), 1, workerCount);
    }

    /// <summary>k as a real number for <paramref name="along"/> ∈ (0, 1) of the ramp.</summary>
    protected abstract double Curve(double along, int workerCount);
}
