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
/// <para>
/// Plain arrays indexed by worker id (ids are small and dense), not a dictionary and LINQ: the first window closes
/// in the aggregator under its lock a quarter of a second into a run, and compiling generic dictionary and sorting
/// code for value types there held every worker up (measured with MLP 128: 18 ms, about 4 % of the run's first
/// half second).
/// </para>
/// </remarks>
internal sealed class WorkerPace(double factor)
{
    private const double ReadmitShare = 0.75;
    private const int InitialWorkers = 16;
    private Worker[] _workers = new Worker[InitialWorkers];
    private double[] _means = new double[InitialWorkers];

    /// <summary>Workers judged stragglers at the last window's close.</summary>
    public int Stragglers { get; private set; }

    public void Observe(int worker, double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0 || worker < 0)
        {
            return;
        }

        if (worker >= _workers.Length)
        {
            int size = Math.Max(worker + 1, 2 * _workers.Length);
            Array.Resize(ref _workers, size);
            Array.Resize(ref _means, size);
        }

        _workers[worker].Seconds += seconds;
        _workers[worker].Messages++;
    }

    /// <summary>Judges the window that just ended and starts a new one.</summary>
    public void CloseWindow()
    {
        int reporting = 0;
        foreach (var worker in _workers)
        {
            if (worker.Messages > 0)
            {
                _means[reporting++] = worker.Mean;
            }
        }

        // With fewer than two workers reporting there is no median to judge by: every judgement stands.
        bool judge = reporting >= 2;
        double median = judge ? Median(_means.AsSpan(0, reporting)) : 0;
        int stragglers = 0;
        for (int id = 0; id < _workers.Length; id++)
        {
            ref var worker = ref _workers[id];
            if (judge && worker.Messages > 0)
            {
                worker.Straggler = worker.Mean > factor * median || (worker.Straggler && worker.Mean >= ReadmitShare * factor * median);
            }

            stragglers += worker.Straggler ? 1 : 0;
            worker.Seconds = 0;
            worker.Messages = 0;
        }

        Stragglers = stragglers;
    }

    /// <summary>
    /// The median of a handful of values, sorted in place by insertion: as many values as workers, and no generic
    /// sorting code to compile under the aggregator's lock.
    /// </summary>
    private static double Median(Span<double> values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            double value = values[i];
            int j = i - 1;
            for (; j >= 0 && values[j] > value; j--)
            {
                values[j + 1] = values[j];
            }

            values[j + 1] = value;
        }

        int middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>One worker's window so far, and its judgement from the last close (kept while it sends nothing).</summary>
    private struct Worker
    {
        public double Seconds;
        public long Messages;
        public bool Straggler;

        public readonly double Mean => Seconds / Messages;
    }
}
