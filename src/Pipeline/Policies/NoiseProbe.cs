namespace HybridSgd.Pipeline.Policies;

/// <summary>
/// The raw material of the gradient noise scale: the mean squared norm of gradients over small batches and the
/// squared norm of their mean over a big batch, all at the same weights. Because E|g_B|² = |G|² + tr(Σ)/B, two
/// batch sizes give unbiased estimates of both |G|² and tr(Σ) (McCandlish et al. 2018, appendix A).
/// </summary>
public readonly record struct NoiseProbe(double SmallBatch, double SmallSquaredNorm, double BigBatch, double BigSquaredNorm)
{
    public static NoiseProbe None { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN);

    public bool IsValid => BigBatch > SmallBatch && SmallBatch > 0 && double.IsFinite(SmallSquaredNorm) && double.IsFinite(BigSquaredNorm);

    /// <summary>Unbiased estimate of |G|², the true gradient's squared norm (can be negative by noise).</summary>
    public double TrueSquaredNorm => ((BigBatch * BigSquaredNorm) - (SmallBatch * SmallSquaredNorm)) / (BigBatch - SmallBatch);

    /// <summary>Unbiased estimate of tr(Σ), the per-example gradient variance summed over parameters.</summary>
    public double Variance => (SmallSquaredNorm - BigSquaredNorm) / ((1 / SmallBatch) - (1 / BigBatch));
}
