using HybridSgd.Cluster.Contracts;
using HybridSgd.Pipeline.Aggregation;

namespace HybridSgd.Cluster.Silo;

/// <summary>
/// A silo's copy of a job's weights, published on a local <see cref="WeightsBoard"/> that the silo's workers
/// read exactly as they read the aggregator's in a single process. It pulls only when the parameter server has
/// published a newer version than it holds, and once for all the silo's workers: the first to need a version
/// pulls it, the others find it there.
/// </summary>
internal sealed class WeightsMirror : IDisposable
{
    private readonly IParameterServerGrain _server;
    private readonly SemaphoreSlim _pulling = new(1, 1);
    private readonly TimeProvider _time;
    private long _pullTicks;
    private long _version;
    private long _pulls;
    private long _pulledBytes;

    private WeightsMirror(IParameterServerGrain server, WeightsReply first, TimeSpan firstPull, TimeProvider time)
    {
        _server = server;
        _time = time;
        _pullTicks = firstPull.Ticks;
        Board = new WeightsBoard(FloatPayload.View(first.Values), first.LearningRate);
        if (first.Version != 0)
        {
            // A board starts at version 0; a silo joining a running job starts from the version it was given.
            Board.Publish(FloatPayload.View(first.Values), first.Version, first.LearningRate);
        }

        _version = first.Version;
        _pulls = 1;
        _pulledBytes = first.Values.Length;
    }

    public WeightsBoard Board { get; }

    /// <summary>Pulls that brought weights (the first one included).</summary>
    public long Pulls => Interlocked.Read(ref _pulls);

    public long PulledBytes => Interlocked.Read(ref _pulledBytes);

    /// <summary>Summed time of the pulls that brought weights (the first one included).</summary>
    public TimeSpan PullTime => TimeSpan.FromTicks(Interlocked.Read(ref _pullTicks));

    public static async Task<WeightsMirror> CreateAsync(IParameterServerGrain server, TimeProvider time, CancellationToken cancellationToken)
    {
        // Known version −1: no version is, so the weights always come.
        long started = time.GetTimestamp();
        var first = await server.PullAsync(-1, cancellationToken).ConfigureAwait(false);
        return new WeightsMirror(server, first, time.GetElapsedTime(started), time);
    }

    /// <summary>Makes the board hold at least <paramref name="publishedVersion"/> (pulling only if it does not already).</summary>
    public async Task RefreshAsync(long publishedVersion, CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _version) >= publishedVersion)
        {
            return;
        }

        await _pulling.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another worker of this silo may have pulled it while this one waited.
            if (_version >= publishedVersion)
            {
                return;
            }

            long started = _time.GetTimestamp();
            var reply = await _server.PullAsync(_version, cancellationToken).ConfigureAwait(false);
            if (reply.Changed && reply.Version > _version)
            {
                Interlocked.Add(ref _pullTicks, _time.GetElapsedTime(started).Ticks);
                Board.Publish(FloatPayload.View(reply.Values), reply.Version, reply.LearningRate);
                Interlocked.Exchange(ref _version, reply.Version);
                Interlocked.Increment(ref _pulls);
                Interlocked.Add(ref _pulledBytes, reply.Values.Length);
            }
        }
        finally
        {
            _pulling.Release();
        }
    }

    public void Dispose() => _pulling.Dispose();
}
