using System.ComponentModel.DataAnnotations;

namespace HybridSgd.Pipeline.Configuration;

/// <summary>
/// When a run is converged (section <c>Training:Convergence</c>, with <c>Training:Stop = Converged</c>): the best
/// validation loss of the second half of the examples since k settled (or since the learning rate was last halved)
/// is not lower than the best of the first half by <see cref="Tolerance"/>, or by no more than one check's scatter
/// (measured from the second half's check-to-check jumps; see <c>ConvergenceDetector</c>), at two consecutive
/// checks. A plateau halves the learning rate; the first plateau after a halving that did not improve the best loss
/// by the tolerance (or after <see cref="Anneals"/> halvings) stops the run.
/// </summary>
public sealed record ConvergenceOptions
{
    /// <summary>
    /// Relative improvement of the best validation loss that still counts as progress (if it also exceeds the
    /// checks' scatter).
    /// </summary>
    [Range(0.0, 1.0)]
    public double Tolerance { get; init; } = 0.02;

    /// <summary>
    /// Before k has settled: a second half that improved the best validation loss by less than this fraction is a
    /// slowdown, and the adaptive policy, in a run that ends at its budget or epochs (<c>Training:Stop</c> Budget or
    /// Epochs), raises k one step (0 turns the signal off). Looser than <see cref="Tolerance"/>, so
    /// k starts to climb while the loss still falls, where a fixed ramp would, instead of jumping at the plateau.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SlowdownTolerance { get; init; } = 0.05;

    /// <summary>Validation checks the second half must hold before a plateau is declared.</summary>
    [Range(1, 1000)]
    public int MinimumChecks { get; init; } = 3;

    /// <summary>The most times plateaus halve the learning rate.</summary>
    [Range(0, 20)]
    public int Anneals { get; init; } = 6;
}
