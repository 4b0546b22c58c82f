using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Threading.Tasks.Dataflow;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Observability;
using HybridSgd.Pipeline.Optimization;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Pipeline.Aggregation;

/// <summary>
/// The parameter server: the only writer of the weights. Gradients arrive in an inbox, a
/// <see cref="BatchBlock{T}"/> of size k groups them, and an applier applies each group's mean and publishes a
/// new weights version.
/// <para>
/// k is retuned live. A BatchBlock's size and capacity are fixed at construction, so a retune swaps in a new
/// block: unlink, complete the old block (which flushes its partial batch synchronously), take everything it
/// held, apply whole groups of the new k at once and seed the new block with the rest. Every state change runs
/// under one lock, so a gradient is either in exactly one block, in the applier's hands, or applied.
/// </para>
/// <para>
/// k is also capped at the number of live workers. Each worker has at most one gradient pending, so when the
/// data runs out and workers retire, the cap guarantees that the waiting workers always fill a batch: a sync
/// round can never wait for a gradient that will not come.
/// </para>
/// </summary>
internal sealed partial class GradientAggregator
{
    private readonly object _gate = new();
    private readonly AggregatorSettings _settings;
    private readonly WeightsBoard _board;
    private readonly float[] _weights;
    private readonly float[] _mean;
    private readonly BufferBlock<GradientMessage> _inbox;
    private readonly ActionBlock<GradientMessage[]> _applier;
    private readonly List<ThresholdChange> _changes = [];
    private BatchBlock<GradientMessage> _batcher;
    private IDisposable _inboxLink;
    private IDisposable _batcherLink;
    private int _threshold;
    private int _liveWorkers;
    private readonly UpdateCounters _counters = new();
    private readonly DivergenceGuard _guard = new();
    private IOptimizer _optimizer;
    private bool _completed;

    public GradientAggregator(ReadOnlySpan<float> initialWeights, WeightsBoard board, AggregatorSettings settings)
    {
        _settings = settings;
        _optimizer = settings.Optimizer;
        _board = board;
        _weights = initialWeights.ToArray();
        _mean = new float[_weights.Length];

        // Each worker has at most one gradient in flight, so the inbox never holds more than Workers messages.
        _inbox = new BufferBlock<GradientMessage>(new DataflowBlockOptions { BoundedCapacity = settings.Workers });
        _applier = new ActionBlock<GradientMessage[]>(
            OnBatch,
            new ExecutionDataflowBlockOptions { BoundedCapacity = 1, MaxDegreeOfParallelism = 1 });
        _liveWorkers = settings.Workers;
        _threshold = TargetThreshold();
        settings.Metrics?.RecordThreshold(_threshold);
        settings.Metrics?.RecordLearningRate(_optimizer.LearningRate);
        _batcher = CreateBatcher(_threshold, settings.BufferedBatches);
        _batcherLink = _batcher.LinkTo(_applier);
        _inboxLink = _inbox.LinkTo(_batcher);
    }

    /// <summary>Where workers send gradients.</summary>
    public ITargetBlock<GradientMessage> Input => _inbox;

    /// <summary>Completes when every worker has retired and the last update is applied; faults if applying fails.</summary>
    public Task Completion => _applier.Completion;

    public int Threshold
    {
        get
        {
            lock (_gate)
            {
                return _threshold;
            }
        }
    }

    /// <summary>The learning rate now in force (lowered from the configured one when refused updates repeat).</summary>
    public float LearningRate
    {
        get
        {
            lock (_gate)
            {
                return _optimizer.LearningRate;
            }
        }
    }

    public IReadOnlyList<ThresholdChange> ThresholdChanges
    {
        get
        {
            lock (_gate)
            {
                return _changes.ToArray();
            }
        }
    }

    public AggregationStatistics Statistics()
    {
        lock (_gate)
        {
            return _counters.Snapshot(_threshold);
        }
    }

    /// <summary>Copies the current weights (the aggregator's own, not a snapshot).</summary>
    public float[] CopyWeights()
    {
        lock (_gate)
        {
            return (float[])_weights.Clone();
        }
    }

    /// <summary>
    /// A worker will send no more gradients (its input ran out, it was cancelled or it failed). The cap on k
    /// drops with it; after the last worker the aggregator completes.
    /// </summary>
    public void RetireWorker()
    {
        lock (_gate)
        {
            if (_liveWorkers == 0)
            {
                throw new InvalidOperationException("More workers retired than were started.");
            }

            _liveWorkers--;
            if (_liveWorkers > 0)
            {
                Retune("workers retired");
                return;
            }

            // No live worker means no pending gradient: each pending one belongs to a worker awaiting its release.
            _completed = true;
            _inboxLink.Dispose();
            _batcherLink.Dispose();
            _inbox.Complete();
            _batcher.Complete();
            _applier.Complete();
        }
    }

    private static BatchBlock<GradientMessage> CreateBatcher(int threshold, int bufferedBatches) =>
        new(threshold, new GroupingDataflowBlockOptions { BoundedCapacity = threshold * bufferedBatches, Greedy = true });

    private void OnBatch(GradientMessage[] batch)
    {
        lock (_gate)
        {
            if (_completed)
            {
                // Only reachable after an abort, when cancelled workers retired with gradients still queued.
                LogDiscarded(_settings.Logger, batch.Length);
                return;
            }

            long started = Stopwatch.GetTimestamp();
            if (batch.Length == _threshold)
            {
                Apply(batch);
            }
            else
            {
                // The batch was formed by a block that a retune has since replaced: regroup it at the current k.
                Rebatch(_threshold, batch, reason: null);
            }

            Retune("policy");
            _counters.RecordBusy(Stopwatch.GetElapsedTime(started));
        }
    }

    private int TargetThreshold()
    {
        int wanted = _settings.Policy.ThresholdAt(_settings.Progress.At(_counters.Examples, _counters.Version), _settings.Workers);
        return Math.Clamp(wanted, 1, Math.Max(1, _liveWorkers));
    }

    private void Retune(string reason)
    {
        int target = TargetThreshold();
        if (target != _threshold)
        {
            Rebatch(target, [], reason);
        }
    }

    private void Rebatch(int threshold, IReadOnlyList<GradientMessage> carried, string? reason)
    {
        _inboxLink.Dispose();
        _batcherLink.Dispose();

        // Complete() makes a final (partial) batch synchronously, so everything the old block held is received here.
        _batcher.Complete();
        var pending = new List<GradientMessage>(carried);
        if (_batcher.TryReceiveAll(out var leftovers))
        {
            foreach (var group in leftovers)
            {
                pending.AddRange(group);
            }
        }

        if (threshold != _threshold)
        {
            var change = new ThresholdChange(_settings.Progress.Elapsed.TotalSeconds, _threshold, threshold, reason ?? "regroup");
            _changes.Add(change);
            LogThresholdChanged(_settings.Logger, change.OldThreshold, change.NewThreshold, change.Seconds, change.Reason, pending.Count);
            _threshold = threshold;
            _settings.Metrics?.RecordThreshold(threshold);
        }

        _batcher = CreateBatcher(threshold, _settings.BufferedBatches);
        var span = CollectionsMarshal.AsSpan(pending);
        int used = 0;
        for (; span.Length - used >= threshold; used += threshold)
        {
            Apply(span.Slice(used, threshold));
        }

        // Fewer than k remain and the block is new and empty, so it has room for all of them.
        for (; used < span.Length; used++)
        {
            if (!_batcher.Post(span[used]))
            {
                throw new InvalidOperationException("A fresh batch block declined a carried-over gradient.");
            }
        }

        _batcherLink = _batcher.LinkTo(_applier);
        _inboxLink = _inbox.LinkTo(_batcher);
    }

    private void Apply(ReadOnlySpan<GradientMessage> messages)
    {
        int examples = 0;
        double loss = 0;
        foreach (var message in messages)
        {
            examples += message.ExampleCount;
            loss += message.Loss * message.ExampleCount;
        }

        // A single gradient (k = 1) is its own mean and is read in place: for large models the update is bound
        // by passes over memory, and this saves two of them.
        ReadOnlySpan<float> mean = messages.Length == 1 ? messages[0].Gradient : Mean(messages, examples);
        long versionBefore = _counters.Version;

        // A single NaN or ±Inf makes the sum non-finite: such an update never reaches the weights, nor does one
        // whose loss has exploded (see DivergenceGuard).
        double meanLoss = loss / examples;
        string? refusal = _guard.Check(float.IsFinite(TensorPrimitives.Sum(mean)), meanLoss);
        bool finite = refusal is null;
        if (finite)
        {
            float scale = _settings.Schedule is { Decay: not LearningRateDecay.None } schedule
                ? schedule.FactorAt(_settings.Progress.At(_counters.Examples, _counters.Version))
                : 1f;
            _optimizer.Step(_weights, mean, scale);
            _guard.Accepted(meanLoss);
        }
        else
        {
            LogSkipped(_settings.Logger, versionBefore, messages.Length, refusal!);
            if (_guard.Refused())
            {
                _optimizer = _optimizer.WithLearningRate(_optimizer.LearningRate / 2);
                _settings.Metrics?.RecordLearningRate(_optimizer.LearningRate);
                LogSlowed(_settings.Logger, _optimizer.LearningRate);
            }
        }

        foreach (var message in messages)
        {
            long staleness = versionBefore - message.WeightsVersion;
            _counters.RecordGradient(staleness);
            _settings.Metrics?.RecordStaleness(staleness);
        }

        _settings.Metrics?.RecordUpdate(examples, finite);
        long version = _counters.RecordUpdate(messages.Length, examples, meanLoss, applied: finite);
        if (finite)
        {
            _board.Publish(_weights, version);
        }

        _settings.OnUpdate?.Invoke(Describe(messages, version, !finite));
        foreach (var message in messages)
        {
            message.MarkApplied(version);
        }
    }

    /// <summary>
    /// The mean weighted by example count, so that it equals the gradient over the union of the minibatches even
    /// when the last minibatch of the data is short.
    /// </summary>
    private float[] Mean(ReadOnlySpan<GradientMessage> messages, int examples)
    {
        TensorPrimitives.Multiply(messages[0].Gradient, messages[0].ExampleCount / (float)examples, _mean);
        foreach (var message in messages[1..])
        {
            TensorPrimitives.MultiplyAdd(message.Gradient, message.ExampleCount / (float)examples, _mean, _mean);
        }

        return _mean;
    }

    private AppliedUpdate Describe(ReadOnlySpan<GradientMessage> messages, long version, bool skipped)
    {
        var gradients = new (int, long)[messages.Length];
        for (int i = 0; i < messages.Length; i++)
        {
            gradients[i] = (messages[i].WorkerId, messages[i].Sequence);
        }

        return new AppliedUpdate(version, _threshold, gradients, skipped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Threshold k {Old} -> {New} at {Seconds:F2}s ({Reason}); {Carried} gradients carried over")]
    private static partial void LogThresholdChanged(ILogger logger, int old, int @new, double seconds, string reason, int carried);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an update after version {Version} ({Gradients} gradients): {Reason}; weights unchanged")]
    private static partial void LogSkipped(ILogger logger, long version, int gradients, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused updates repeat: learning rate lowered to {LearningRate}")]
    private static partial void LogSlowed(ILogger logger, float learningRate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discarded {Gradients} gradients queued when training was aborted")]
    private static partial void LogDiscarded(ILogger logger, int gradients);
}
