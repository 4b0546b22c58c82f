namespace HybridSgd.Pipeline.Policies.Adaptive;

/// <summary>
/// The progressive loss (each minibatch's loss before it was learned from, which the workers compute anyway)
/// averaged over consecutive windows of examples. A window spans a fixed fraction of all examples seen so far
/// (and at least a minimum), so decisions come quickly early and calmly late, and a window's improvement over the
/// previous one reads the same at any point of a run: "the last quarter of training gained x %".
/// </summary>
internal sealed class LossWindows(long minimumExamples, double fractionOfExamples)
{
    private double _lossSum;
    private long _examples;

    /// <summary>Mean loss of the last closed window (NaN before one closes).</summary>
    public double Last { get; private set; } = double.NaN;

    /// <summary>Mean loss of the window before the last one.</summary>
    public double Previous { get; private set; } = double.NaN;

    /// <summary>Windows closed so far.</summary>
    public int Closed { get; private set; }

    public void Add(int examples, double meanLoss)
    {
        if (examples <= 0 || !double.IsFinite(meanLoss))
        {
            return;
        }

        _lossSum += meanLoss * examples;
        _examples += examples;
    }

    /// <summary>Closes the window when it holds enough examples; true when it did.</summary>
    public bool TryClose(long examplesSoFar)
    {
        long size = Math.Max(minimumExamples, (long)(fractionOfExamples * examplesSoFar));
        if (_examples < size)
        {
            return false;
        }

        Previous = Last;
        Last = _lossSum / _examples;
        _lossSum = 0;
        _examples = 0;
        Closed++;
        return true;
    }
}
