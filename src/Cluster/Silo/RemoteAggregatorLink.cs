using System.Threading.Tasks.Dataflow;
using HybridSgd.Cluster.Contracts;
using HybridSgd.Pipeline.Aggregation;

namespace HybridSgd.Cluster.Silo;

/// <summary>
/// Stands where the aggregator's inbox stands in a single process: the silo's <c>GradientWorker</c>s send their
/// messages here, and each is pushed to the parameter-server grain, the silo's weights brought up to the version
/// that consumed it, and only then the worker released — so its next gradient is computed on weights at least as
/// new as in the single-process graph (in a sync round, exactly the round's result).
/// </summary>
/// <remarks>
/// Up to one push per local worker runs at once (each worker has at most one message in flight): a sync round
/// needs every worker's gradient at the grain before any of them is answered. A failed push faults the block,
/// which the silo graph turns into an abort that ends every worker's wait.
/// </remarks>
internal sealed class RemoteAggregatorLink
{
    private readonly IParameterServerGrain _server;
    private readonly WeightsMirror _mirror;
    private readonly Action<PushReceipt>? _onApplied;
    private readonly CancellationToken _abort;
    private readonly TimeProvider _time;
    private readonly ActionBlock<GradientMessage> _block;
    private long _pushTicks;
    private long _gradients;
    private long _bytes;
    private long _duplicates;

    public RemoteAggregatorLink(IParameterServerGrain server, WeightsMirror mirror, int workers, Action<PushReceipt>? onApplied, TimeProvider time, CancellationToken abort)
    {
        _server = server;
        _time = time;
        _mirror = mirror;
        _onApplied = onApplied;
        _abort = abort;
        _block = new ActionBlock<GradientMessage>(
            ForwardAsync,
            new ExecutionDataflowBlockOptions { BoundedCapacity = workers, MaxDegreeOfParallelism = workers, CancellationToken = abort });
    }

    public ITargetBlock<GradientMessage> Input => _block;

    public Task Completion => _block.Completion;

    /// <summary>Gradient messages pushed and answered.</summary>
    public long Gradients => Interlocked.Read(ref _gradients);

    /// <summary>Payload bytes pushed (the float32 values only, not Orleans' framing).</summary>
    public long PayloadBytes => Interlocked.Read(ref _bytes);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>
    /// Summed time from each push's call to its answer. The grain answers once the update that consumed the gradient
    /// is published, so with k &gt; 1 this includes the wait for the round's other gradients, not only the wire.
    /// </summary>
    public TimeSpan PushTime => TimeSpan.FromTicks(Interlocked.Read(ref _pushTicks));

    /// <summary>No more messages: every local worker has finished.</summary>
    public void Complete() => _block.Complete();

    private async Task ForwardAsync(GradientMessage message)
    {
        var payload = new GradientPayload
        {
            WorkerId = message.WorkerId,
            Sequence = message.Sequence,
            WeightsVersion = message.WeightsVersion,
            ExampleCount = message.ExampleCount,
            Steps = message.Steps,
            IsDisplacement = message.IsDisplacement,
            Loss = message.Loss,
            WorkSeconds = message.WorkSeconds,
            Noise = NoiseSample.From(message.Noise),
            Values = FloatPayload.Encode(message.Gradient),
        };

        long started = _time.GetTimestamp();
        var receipt = await _server.PushAsync(payload, _abort).ConfigureAwait(false);
        Interlocked.Add(ref _pushTicks, _time.GetElapsedTime(started).Ticks);
        await _mirror.RefreshAsync(receipt.PublishedVersion, _abort).ConfigureAwait(false);
        Interlocked.Increment(ref _gradients);
        Interlocked.Add(ref _bytes, payload.Values.Length);
        if (receipt.Duplicate)
        {
            Interlocked.Increment(ref _duplicates);
        }

        _onApplied?.Invoke(receipt);
        message.MarkApplied(receipt.AppliedVersion);
    }
}
