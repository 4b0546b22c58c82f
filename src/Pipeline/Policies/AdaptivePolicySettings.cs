namespace HybridSgd.Pipeline.Policies;

/// <summary>The adaptive policy's constants (bound from <c>Training:Policy</c>; the defaults are the measured ones).</summary>
/// <param name="NoiseRatio">k rises while the noise scale exceeds this many times k × the examples of one step.</param>
/// <param name="PlateauTolerance">A window whose loss improved by less than this fraction is a plateau.</param>
/// <param name="RollbackMargin">A raise is undone when the next window's loss is worse by more than this fraction.</param>
/// <param name="StragglerFactor">A worker slower than this many times the median is a straggler.</param>
/// <param name="MinimumWindow">Examples in the smallest decision window.</param>
/// <param name="WindowFraction">A decision window spans this fraction of all examples seen so far (if more than the minimum).</param>
/// <param name="NoiseSmoothing">Weight of each new noise probe in the moving averages.</param>
/// <param name="SettleStart">
/// With a budget or epochs, the fraction of it from which k is at least a linear ramp toward the workers (the run's
/// end is known, and a run should not end on asynchronous steps' spread); ignored by a run with no cap.
/// </param>
/// <param name="SettleEnd">The fraction of the budget or epochs from which that floor is the workers (synchronous).</param>
public sealed record AdaptivePolicySettings(
    double NoiseRatio = 2,
    double PlateauTolerance = 0.01,
    double RollbackMargin = 0.01,
    double StragglerFactor = 2,
    long MinimumWindow = 4096,
    double WindowFraction = 0.25,
    double NoiseSmoothing = 0.01,
    double SettleStart = 0.25,
    double SettleEnd = 0.5)
{
    public static AdaptivePolicySettings Default { get; } = new();
}
