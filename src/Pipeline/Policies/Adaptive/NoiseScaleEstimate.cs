namespace HybridSgd.Pipeline.Policies.Adaptive;

/// <summary>
/// The simple gradient noise scale B = tr(Σ)/|G|² (McCandlish et al. 2018), from noise probes. Single estimates of
/// |G|² and tr(Σ) are very noisy (|G|² is often negative), so each is smoothed on its own by an exponential moving
/// average and only then divided, as the paper recommends; the averages are bias-corrected, so the first probes
/// already give a usable value.
/// </summary>
internal sealed class NoiseScaleEstimate(double smoothing)
{
    private double _squaredNorm;
    private double _variance;
    private double _weight;

    /// <summary>Probes taken so far.</summary>
    public long Probes { get; private set; }

    /// <summary>B in examples; NaN before any probe, +∞ once the true gradient is indistinguishable from zero.</summary>
    public double Value
    {
        get
        {
            if (_weight == 0)
            {
                return double.NaN;
            }

            double squaredNorm = _squaredNorm / _weight;
            double variance = Math.Max(0, _variance / _weight);
            return squaredNorm > 0 ? variance / squaredNorm : double.PositiveInfinity;
        }
    }

    public void Observe(NoiseProbe probe)
    {
        if (!probe.IsValid)
        {
            return;
        }

        _squaredNorm = ((1 - smoothing) * _squaredNorm) + (smoothing * probe.TrueSquaredNorm);
        _variance = ((1 - smoothing) * _variance) + (smoothing * probe.Variance);
        _weight = ((1 - smoothing) * _weight) + smoothing;
        Probes++;
    }
}
