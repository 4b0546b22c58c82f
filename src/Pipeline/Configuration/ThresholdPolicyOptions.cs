using System.ComponentModel.DataAnnotations;
using HybridSgd.Pipeline.Policies;

namespace HybridSgd.Pipeline.Configuration;

/// <summary>
/// The hybrid schedule k(t) (section <c>Training:Policy</c>). The adaptive policy reads the training signal; the
/// others are functions of progress, which runs from 0 to 1 over the budget or epochs.
/// </summary>
public sealed record ThresholdPolicyOptions
{
    public ThresholdPolicyKind Kind { get; init; } = ThresholdPolicyKind.Adaptive;

    /// <summary>Progress at which k starts to rise from 1 (linear, exponential).</summary>
    [Range(0.0, 1.0)]
    public double RampStart { get; init; }

    /// <summary>Progress from which k = workers (linear, exponential).</summary>
    [Range(0.0, 1.0)]
    public double RampEnd { get; init; } = 0.5;

    /// <summary>Progress at which k jumps from 1 to workers (step).</summary>
    [Range(0.0, 1.0)]
    public double StepAt { get; init; } = 0.5;

    /// <summary>k for the constant policy.</summary>
    [Range(1, 1024)]
    public int Constant { get; init; } = 2;

    /// <summary>Adaptive: k rises while the gradient noise scale exceeds this many times k × one step's examples.</summary>
    [Range(0.01, 1000.0)]
    public double NoiseRatio { get; init; } = AdaptivePolicySettings.Default.NoiseRatio;

    /// <summary>Adaptive: a decision window whose progressive loss improved by less than this fraction is a plateau.</summary>
    [Range(0.0, 1.0)]
    public double PlateauTolerance { get; init; } = AdaptivePolicySettings.Default.PlateauTolerance;

    /// <summary>Adaptive: a worker slower than this many times the median is a straggler, left out of k's cap.</summary>
    [Range(1.0, 1000.0)]
    public double StragglerFactor { get; init; } = AdaptivePolicySettings.Default.StragglerFactor;

    /// <summary>Adaptive, with a budget or epochs: the fraction of it from which k is at least a linear ramp toward the workers.</summary>
    [Range(0.0, 1.0)]
    public double SettleStart { get; init; } = AdaptivePolicySettings.Default.SettleStart;

    /// <summary>Adaptive, with a budget or epochs: the fraction of it from which k is at least the workers (synchronous).</summary>
    [Range(0.0, 1.0)]
    public double SettleEnd { get; init; } = AdaptivePolicySettings.Default.SettleEnd;

    /// <summary>The adaptive policy's settings from these options.</summary>
    public AdaptivePolicySettings Adaptive() => AdaptivePolicySettings.Default with
    {
        NoiseRatio = NoiseRatio,
        PlateauTolerance = PlateauTolerance,
        StragglerFactor = StragglerFactor,
        SettleStart = SettleStart,
        SettleEnd = SettleEnd,
    };
}
