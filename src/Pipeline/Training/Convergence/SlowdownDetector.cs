namespace HybridSgd.Pipeline.Training.Convergence;

/// <summary>
/// Says when the validation loss's progress has slowed enough for one more step of k, before it has plateaued: the
/// <see cref="ConvergenceDetector"/>'s half-over-half rule at a looser tolerance, at most once per doubling of the
/// examples seen. Judged afresh after each step over a short span instead, the flat stretch right after a step would
/// read as another slowdown and k would climb to the cap within a fraction of a second (seen on Fashion-MNIST).
/// Pure: fed numbers, it answers.
/// </summary>
internal sealed class SlowdownDetector(double tolerance, int minimumChecks)
{
    private readonly ConvergenceDetector _halves = new(tolerance, minimumChecks);
    private long _next;

    /// <summary>Records a check; returns the slowdown when the rule holds and the examples have doubled since the last one.</summary>
    public ConvergenceDetector.Plateau? Observe(long examples, double loss)
    {
        if (_halves.Observe(examples, loss) is not { } slowed || examples < _next)
        {
            return null;
        }

        _next = 2 * examples;
        return slowed;
    }

    /// <summary>Judges progress from <paramref name="examples"/> on (k settled or unsettled again).</summary>
    public void Restart(long examples)
    {
        _halves.Restart(examples);
        _next = examples;
    }
}
