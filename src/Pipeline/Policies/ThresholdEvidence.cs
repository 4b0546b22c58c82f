namespace HybridSgd.Pipeline.Policies;

/// <summary>What the adaptive policy measured when it changed k (null where a signal was not available yet).</summary>
/// <param name="NoiseScale">
/// The simple gradient noise scale B = tr(Σ)/|G|² in examples (McCandlish et al. 2018): the batch size beyond which
/// averaging more gradients stops making steps better. <see cref="Unbounded"/> when the true gradient is
/// indistinguishable from zero (its estimated squared norm not above zero).
/// </param>
/// <param name="ExamplesPerStep">Examples behind one worker's step (its minibatch), which B is compared with.</param>
/// <param name="WindowLoss">Mean progressive loss (each minibatch's loss before it was learned from) over the last window.</param>
/// <param name="PreviousWindowLoss">The same over the window before it.</param>
/// <param name="FastWorkers">Live workers not straggling: the cap on k.</param>
public sealed record ThresholdEvidence(double? NoiseScale, double? ExamplesPerStep, double? WindowLoss, double? PreviousWindowLoss, int FastWorkers)
{
    /// <summary>The noise scale reported when the gradient is lost in its noise (JSON has no infinity).</summary>
    public const double Unbounded = 1e9;

    /// <summary>Evidence from raw measurements: NaN (not measured yet) becomes null, +∞ becomes <see cref="Unbounded"/>.</summary>
    public static ThresholdEvidence Of(double noiseScale, double examplesPerStep, double windowLoss, double previousWindowLoss, int fastWorkers) =>
        new(Known(Math.Min(noiseScale, Unbounded)), Known(examplesPerStep), Known(windowLoss), Known(previousWindowLoss), fastWorkers);

    private static double? Known(double value) => double.IsFinite(value) ? value : null;
}
