namespace HybridSgd.Pipeline.Policies.Adaptive;

/// <summary>
/// Each worker's own time per message (pull, compute, push; not the wait for a round), averaged over a decision
/// window. A worker slower than <c>factor</c> × the median is a straggler: a synchronous round would wait for it
/// every time, so k is capped at the workers that are not (its gradients still count, as they arrive).
/// </summary>
/// <remarks>
/// Judged over whole windows, not per message: with more workers than cores a thread that is descheduled for a
/// time slice looks many times slower for one message (measured: the cap flapped between 3 and 4 every few
/// hundred milliseconds with four identical workers on two cores), and a simulated slowdown pays its debt in
/// whole milliseconds every few messages, so only an average over many messages is meaningful. A straggler is
/// readmitted only once it is within 3/4 of the factor: hysteresis.
/// </remarks>
internal sealed class WorkerPace(double factor)
{
    private const double ReadmitShare = 0.75;
    private readonly Dictionary<int, (double Seconds, long Messages)> _window = [];
    private readonly HashSet<int> _stragglers = [];

    /// <summary>Workers judged stragglers at the last window's close.</summary>
    public int Stragglers => _stragglers.Count;

    public void Observe(int worker, double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            return;
        }

        var (total, messages) = _window.GetValueOrDefault(worker);
        _window[worker] = (total + seconds, messages + 1);
    }

    /// <summary>Judges the window that just ended and starts a new one.</summary>
    public void CloseWindow()
    {
        if (_window.Count >= 2)
        {
            var means = _window.ToDictionary(w => w.Key, w => w.Value.Seconds / w.Value.Messages);
            var sorted = means.Values.Order().ToArray();
            double median = sorted.Length % 2 == 1
                ? sorted[sorted.Length / 2]
                : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
            foreach (var (worker, mean) in means)
            {
                if (mean > factor * median)
                {
                    _stragglers.Add(worker);
                }
                else if (mean < ReadmitShare * factor * median)
                {
                    _stragglers.Remove(worker);
                }
            }
        }

        _window.Clear();
    }
}
