using System.Numerics.Tensors;
using System.Threading.Channels;
using HybridSgd.Pipeline.Data;

namespace HybridSgd.Embedding;

/// <summary>
/// Where the app writes labelled examples as they happen (a click, a sensor reading, a labelled transaction): a
/// bounded <see cref="Channel{T}"/> the online trainer reads. Examples are checked as they are written — the
/// right width, every feature finite, a label the task allows — so a bad one is refused with the reason at the
/// writer, never learned from. Thread-safe; writers do not allocate once the channel has filled (features are
/// copied into arrays the trainer gives back, see <see cref="FeaturePool"/>).
/// </summary>
public sealed class ExampleInbox
{
    private readonly Channel<Example> _channel;
    private readonly FeaturePool _pool;
    private readonly RoomSignal _room = new();
    private readonly int _lowWater;
    private volatile bool _completed;
    private readonly LearningTask _task;
    private readonly int _classCount;
    private long _accepted;
    private long _dropped;

    internal ExampleInbox(HybridSgdOptions options)
    {
        FeatureCount = options.FeatureCount;
        _task = options.Task;
        _classCount = options.ClassCount;
        _pool = new FeaturePool(options.FeatureCount);
        _lowWater = options.Capacity / 2;
        var channel = new BoundedChannelOptions(options.Capacity)
        {
            FullMode = options.FullMode == ChannelFull.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
            SingleReader = true,
        };
        _channel = Channel.CreateBounded<Example>(channel, dropped =>
        {
            Interlocked.Increment(ref _dropped);
            _pool.Return(dropped.Features);
        });
    }

    /// <summary>Inputs each example must have.</summary>
    public int FeatureCount { get; }

    /// <summary>Examples taken into the channel so far.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Examples dropped because the channel was full (<see cref="ChannelFull.DropOldest"/>): never learned from.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Examples waiting in the channel now.</summary>
    public int Waiting => _channel.Reader.Count;

    internal ChannelReader<Example> Reader => _channel.Reader;

    /// <summary>Writes an example, waiting for room when the channel is full and set to wait.</summary>
    /// <exception cref="ArgumentException">The example is not one the model can learn from; the message says why.</exception>
    public ValueTask WriteAsync(ReadOnlySpan<float> features, float label, CancellationToken cancellation = default)
    {
        var example = Take(features, label);
        if (_channel.Writer.TryWrite(example))
        {
            Interlocked.Increment(ref _accepted);
            return ValueTask.CompletedTask;
        }

        return WriteSlowAsync(example, cancellation);
    }

    /// <summary>Writes an example if the channel has room (or drops the oldest, when set to); false when it is full and set to wait.</summary>
    public bool TryWrite(ReadOnlySpan<float> features, float label)
    {
        var example = Take(features, label);
        if (_channel.Writer.TryWrite(example))
        {
            Interlocked.Increment(ref _accepted);
            return true;
        }

        _pool.Return(example.Features);
        return false;
    }

    /// <summary>No more examples will come (the trainer trains what is left, then idles).</summary>
    public void Complete()
    {
        _completed = true;
        _channel.Writer.TryComplete();

        // Writers still waiting for room find the channel closed (and throw, as a channel's own writers do).
        _room.Release();
    }

    /// <summary>The next example, if one is waiting; the caller gives its features back with <see cref="Release"/>.</summary>
    internal bool TryTake(out Example example)
    {
        if (!_channel.Reader.TryRead(out example))
        {
            return false;
        }

        if (_room.HasWaiters && _channel.Reader.Count <= _lowWater)
        {
            _room.Release();
        }

        return true;
    }

    /// <summary>Gives a taken example's features back once they are copied into a minibatch.</summary>
    internal void Release(Example example) => _pool.Return(example.Features);

    /// <summary>The channel is full (and set to wait): waits until the trainer has drained it to half (see <see cref="RoomSignal"/>).</summary>
    private async ValueTask WriteSlowAsync(Example example, CancellationToken cancellation)
    {
        try
        {
            while (true)
            {
                var room = _room.Register();
                if (_channel.Writer.TryWrite(example))
                {
                    Interlocked.Increment(ref _accepted);
                    return;
                }

                if (_completed)
                {
                    // Throws the channel's own ChannelClosedException.
                    await _channel.Writer.WriteAsync(example, cancellation).ConfigureAwait(false);
                }

                await room.WaitAsync(cancellation).ConfigureAwait(false);
            }
        }
        catch
        {
            _pool.Return(example.Features);
            throw;
        }
    }

    private Example Take(ReadOnlySpan<float> features, float label)
    {
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"An example has {FeatureCount} features; this one has {features.Length}.", nameof(features));
        }

        if (!TensorPrimitives.IsFiniteAll(features))
        {
            throw new ArgumentException($"Feature {TensorPrimitives.IndexOfMaxMagnitude(features)} (or another) is not finite: NaN and ±∞ are never learned from.", nameof(features));
        }

        bool classLabel = _task != LearningTask.Regression;
        if (!float.IsFinite(label) || (classLabel && (label < 0 || label >= _classCount || label != MathF.Floor(label))))
        {
            throw new ArgumentException(
                classLabel ? $"The label must be a class index 0..{_classCount - 1}, not {label}." : $"The label must be finite, not {label}.", nameof(label));
        }

        var copy = _pool.Rent();
        features.CopyTo(copy);
        return new Example(copy, label);
    }
}
