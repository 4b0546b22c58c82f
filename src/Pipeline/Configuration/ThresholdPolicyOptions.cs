using System.ComponentModel.DataAnnotations;

namespace HybridSgd.Pipeline.Configuration;

/// <summary>The hybrid schedule k(t) (section <c>Training:Policy</c>). Progress runs from 0 to 1 over the budget or epochs.</summary>
public sealed class ThresholdPolicyOptions
{
    public ThresholdPolicyKind Kind { get; set; } = ThresholdPolicyKind.Linear;

    /// <summary>Progress at which k starts to rise from 1 (linear, exponential).</summary>
    [Range(0.0, 1.0)]
    public double RampStart { get; set; }

    /// <summary>Progress from which k = workers (linear, exponential).</summary>
    [Range(0.0, 1.0)]
    public double RampEnd { get; set; } = 0.5;

    /// <summary>Progress at which k jumps from 1 to workers (step).</summary>
    [Range(0.0, 1.0)]
    public double StepAt { get; set; } = 0.5;

    /// <summary>k for the constant policy.</summary>
    [Range(1, 1024)]
    public int Constant { get; set; } = 2;
}
