namespace HybridSgd.Pipeline.Aggregation;

/// <summary>
/// Publishes immutable snapshots of the weights written by their single writer (the aggregator) and recycles
/// the buffers once no reader holds them. At most workers + evaluators + 2 buffers ever exist, so publishing an
/// update costs one copy and no allocation in steady state.
/// </summary>
internal sealed class WeightsBoard
{
    private readonly object _gate = new();
    private readonly Stack<WeightsSnapshot> _free = new();
    private readonly int _parameterCount;
    private WeightsSnapshot _current;

    public WeightsBoard(ReadOnlySpan<float> initial, float learningRate = 0)
    {
        _parameterCount = initial.Length;
        _current = new WeightsSnapshot(_parameterCount);
        initial.CopyTo(_current.Values);
        _current.LearningRate = learningRate;
    }

    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _current.Version;
            }
        }
    }

    /// <summary>Takes the latest snapshot; the caller must <see cref="Release"/> it.</summary>
    public WeightsSnapshot Acquire()
    {
        lock (_gate)
        {
            _current.Readers++;
            return _current;
        }
    }

    public void Release(WeightsSnapshot snapshot)
    {
        lock (_gate)
        {
            snapshot.Readers--;
            if (snapshot.Readers == 0 && !ReferenceEquals(snapshot, _current))
            {
                _free.Push(snapshot);
            }
        }
    }

    /// <summary>Copies <paramref name="weights"/> into a snapshot and makes it the latest, as <paramref name="version"/>.</summary>
    public void Publish(ReadOnlySpan<float> weights, long version, float learningRate = 0)
    {
        WeightsSnapshot next;
        lock (_gate)
        {
            next = _free.Count > 0 ? _free.Pop() : new WeightsSnapshot(_parameterCount);
        }

        // The copy happens outside the lock: the buffer is private until it is swapped in below.
        weights.CopyTo(next.Values);
        next.Version = version;
        next.LearningRate = learningRate;
        lock (_gate)
        {
            var previous = _current;
            _current = next;
            if (previous.Readers == 0)
            {
                _free.Push(previous);
            }
        }
    }
}
