namespace HybridSgd.Pipeline.Observability;

/// <summary>Running totals behind a <see cref="ProgressiveScore"/>; workers add to it concurrently.</summary>
internal sealed class ProgressiveTally
{
    private readonly object _gate = new();
    private long _examples;
    private double _lossSum;
    private long _scored;
    private long _correct;

    /// <param name="correct">Examples of the minibatch predicted right; null when accuracy is not measured.</param>
    public void Add(int examples, double meanLoss, int? correct)
    {
        // One lock per minibatch (not per example): negligible beside the gradient it accompanies.
        lock (_gate)
        {
            _examples += examples;
            _lossSum += meanLoss * examples;
            if (correct is { } right)
            {
                _scored += examples;
                _correct += right;
            }
        }
    }

    public ProgressiveScore Snapshot()
    {
        lock (_gate)
        {
            return _examples == 0
                ? ProgressiveScore.None
                : new ProgressiveScore(_examples, _lossSum / _examples, _scored == 0 ? null : _correct / (double)_scored);
        }
    }
}
