namespace HybridSgd.Cluster.Server;

/// <summary>
/// Which workers a job has and where they run: ids are handed out in order and never reused, so a late message
/// from a retired worker can never pass for a new worker's. Not thread-safe: only the grain's turns touch it.
/// </summary>
internal sealed class WorkerRegistry(int capacity)
{
    private readonly List<Entry> _workers = [];

    public int Registered => _workers.Count;

    public int Live { get; private set; }

    public int Register(SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (_workers.Count == capacity)
        {
            throw new InvalidOperationException($"The job's {capacity} worker places are all taken (JobSpec.MaxWorkers).");
        }

        _workers.Add(new Entry(silo));
        Live++;
        return _workers.Count - 1;
    }

    /// <summary>Retires a live worker; false when it had retired already (a second deregistration changes nothing).</summary>
    public bool Retire(int workerId)
    {
        var entry = Find(workerId);
        if (!entry.Live)
        {
            return false;
        }

        entry.Live = false;
        Live--;
        return true;
    }

    /// <summary>Throws unless <paramref name="workerId"/> is registered and live: a retired worker's gradient has no place in k.</summary>
    public void RequireLive(int workerId)
    {
        if (!Find(workerId).Live)
        {
            throw new InvalidOperationException($"Worker {workerId} has retired; its gradients are no longer accepted.");
        }
    }

    /// <summary>The silo a registered worker runs on.</summary>
    public SiloAddress SiloOf(int workerId) => Find(workerId).Silo;

    /// <summary>Live workers of <paramref name="silo"/>.</summary>
    public IReadOnlyList<int> LiveOn(SiloAddress silo)
    {
        var ids = new List<int>();
        for (int id = 0; id < _workers.Count; id++)
        {
            if (_workers[id].Live && _workers[id].Silo.Equals(silo))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>The silos that still have live workers.</summary>
    public IReadOnlyCollection<SiloAddress> LiveSilos() =>
        _workers.Where(w => w.Live).Select(w => w.Silo).Distinct().ToArray();

    private Entry Find(int workerId) =>
        workerId >= 0 && workerId < _workers.Count
            ? _workers[workerId]
            : throw new ArgumentOutOfRangeException(nameof(workerId), workerId, $"No worker {workerId} was registered ({_workers.Count} were).");

    private sealed class Entry(SiloAddress silo)
    {
        public SiloAddress Silo { get; } = silo;

        public bool Live { get; set; } = true;
    }
}
