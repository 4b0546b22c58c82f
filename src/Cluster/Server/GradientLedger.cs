using HybridSgd.Pipeline.Aggregation;

namespace HybridSgd.Cluster.Server;

/// <summary>
/// Exactly-once accounting by (worker, sequence): a message is accepted once, and each accepted gradient must be
/// consumed by exactly one update. A worker has at most one message in flight and numbers them 0, 1, 2, … so the
/// last number seen per worker is all the ledger keeps: memory grows with workers, not with gradients.
/// </summary>
/// <remarks>
/// Thread-safe: the grain accepts on its own turns while the aggregator reports applied updates from its
/// dataflow thread (under its lock).
/// </remarks>
internal sealed class GradientLedger
{
    private readonly object _gate = new();
    private readonly Dictionary<int, long> _lastAccepted = [];
    private readonly Dictionary<int, long> _lastApplied = [];
    private long _accepted;
    private long _applied;
    private long _duplicatesRefused;
    private long _duplicateApplications;
    private long _gaps;

    /// <summary>
    /// True for a new (worker, sequence); false for one seen before, which must not be applied again. Throws when
    /// the worker's previous message is not applied yet: one message in flight per worker is the protocol, and it
    /// is what guarantees the aggregator's inbox room for every accepted message.
    /// </summary>
    public bool TryAccept(int worker, long sequence)
    {
        lock (_gate)
        {
            long last = _lastAccepted.GetValueOrDefault(worker, -1);
            if (sequence <= last)
            {
                _duplicatesRefused++;
                return false;
            }

            if (last > _lastApplied.GetValueOrDefault(worker, -1))
            {
                throw new InvalidOperationException($"Worker {worker} sent message {sequence} while its message {last} is not applied yet (one message in flight per worker).");
            }

            // A jump means messages of this worker were lost between its silo and here: counted, not waited for.
            _gaps += sequence - last - 1;
            _lastAccepted[worker] = sequence;
            _accepted++;
            return true;
        }
    }

    /// <summary>The aggregator's report of one update (applied or refused as non-finite: either way, consumed).</summary>
    public void RecordApplied(AppliedUpdate update)
    {
        lock (_gate)
        {
            foreach (var (worker, sequence) in update.Gradients)
            {
                if (sequence <= _lastApplied.GetValueOrDefault(worker, -1))
                {
                    _duplicateApplications++;
                    continue;
                }

                _lastApplied[worker] = sequence;
                _applied++;
            }
        }
    }

    public LedgerCounts Counts()
    {
        lock (_gate)
        {
            return new LedgerCounts(_accepted, _applied, _duplicatesRefused, _duplicateApplications, _gaps);
        }
    }
}
