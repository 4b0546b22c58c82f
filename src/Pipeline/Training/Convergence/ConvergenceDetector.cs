namespace HybridSgd.Pipeline.Training.Convergence;

/// <summary>
/// Decides from a sequence of validation losses whether training still makes progress. Scale-free: it asks
/// whether the second half of the examples seen since the anchor (k settling, or the learning rate being
/// lowered) improved the best loss of the first half by at least a relative tolerance — "training as long again
/// gained less than x %". Early in a run the halves are short and progress is fast; late, they are long and
/// progress is slow; the same rule reads both. Losses below 2 % of the first one ever seen count as that 2 %:
/// on separable data the log-loss keeps halving towards zero as the weights grow, a relative improvement that
/// never ends and buys nothing. Pure: fed numbers, it answers, so it is tested on synthetic curves.
/// </summary>
internal sealed class ConvergenceDetector(double tolerance, int minimumChecks)
{
    private const double FloorShareOfInitial = 0.02;
    private readonly List<(long Examples, double Loss)> _checks = [];
    private double _initial = double.NaN;
    private long _anchor;

    /// <summary>Best loss since the anchor (NaN before a check).</summary>
    public double Best => _checks.Count == 0 ? double.NaN : _checks.Min(c => c.Loss);

    /// <summary>Forgets the checks so far (not the first loss ever seen): progress is judged from <paramref name="examples"/> on.</summary>
    public void Restart(long examples)
    {
        _anchor = examples;
        _checks.Clear();
    }

    /// <summary>Records a check; returns the plateau when the rule holds, else null.</summary>
    public Plateau? Observe(long examples, double loss)
    {
        if (!double.IsFinite(loss))
        {
            return null;
        }

        _checks.Add((examples, loss));
        if (double.IsNaN(_initial))
        {
            _initial = loss;
        }

        long middle = _anchor + ((examples - _anchor) / 2);
        double firstBest = double.PositiveInfinity;
        double secondBest = double.PositiveInfinity;
        int secondChecks = 0;
        foreach (var (at, value) in _checks)
        {
            if (at <= middle)
            {
                firstBest = Math.Min(firstBest, value);
            }
            else
            {
                secondBest = Math.Min(secondBest, value);
                secondChecks++;
            }
        }

        bool judged = double.IsFinite(firstBest) && secondChecks >= minimumChecks;
        double floor = FloorShareOfInitial * _initial;
        double before = Math.Max(firstBest, floor);
        return judged && Math.Max(secondBest, floor) > before * (1 - tolerance)
            ? new Plateau(examples - _anchor, firstBest, secondBest)
            : null;
    }

    /// <param name="Examples">Examples since the anchor that the rule looked at.</param>
    /// <param name="FirstHalfBest">Best validation loss of the first half.</param>
    /// <param name="SecondHalfBest">Best validation loss of the second half (not better by the tolerance).</param>
    public sealed record Plateau(long Examples, double FirstHalfBest, double SecondHalfBest);
}
