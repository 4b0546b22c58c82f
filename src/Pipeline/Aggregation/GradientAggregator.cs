using System.Runtime.InteropServices;
using System.Threading.Tasks.Dataflow;
using HybridSgd.Pipeline.Policies;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Pipeline.Aggregation;

/// <summary>
/// The parameter server: the only writer of the weights. Gradients arrive in an inbox, a
/// <see cref="BatchBlock{T}"/> of size k groups them, and an applier turns each group into one update
/// (<see cref="UpdateApplier"/>) and asks the threshold policy for the next k (<see cref="ThresholdController"/>).
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
    private readonly UpdateApplier _applier;
    private readonly ThresholdController _controller;
    private readonly BufferBlock<GradientMessage> _inbox;
    private readonly ActionBlock<GradientMessage[]> _batches;
    private BatchBlock<GradientMessage> _batcher;
    private IDisposable _inboxLink;
    private IDisposable _batcherLink;
    private int _liveWorkers;
    private bool _completed;
    private bool _validationPlateau;
    private bool _validationSlowdown;

    public GradientAggregator(ReadOnlySpan<float> initialWeights, WeightsBoard board, AggregatorSettings settings)
    {
        _settings = settings;
        _applier = new UpdateApplier(initialWeights, board, settings);
        _controller = new ThresholdController(settings.Policy, settings.Logger, settings.Metrics);

        // Each worker has at most one gradient in flight, so the inbox never holds more than Workers messages.
        _inbox = new BufferBlock<GradientMessage>(new DataflowBlockOptions { BoundedCapacity = settings.Workers });
        _batches = new ActionBlock<GradientMessage[]>(
            OnBatch,
            new ExecutionDataflowBlockOptions { BoundedCapacity = 1, MaxDegreeOfParallelism = 1 });
        _liveWorkers = settings.InitialLiveWorkers ?? settings.Workers;
        int threshold = _controller.Start(Signals([]));
        _batcher = CreateBatcher(threshold, settings.BufferedBatches);
        _batcherLink = _batcher.LinkTo(_batches);
        _inboxLink = _inbox.LinkTo(_batcher);
    }

    /// <summary>Where workers send gradients.</summary>
    public ITargetBlock<GradientMessage> Input => _inbox;

    /// <summary>Completes when every worker has retired and the last update is applied; faults if applying fails.</summary>
    public Task Completion => _batches.Completion;

    public int Threshold => Locked(() => _controller.Threshold);

    /// <summary>The policy means to keep k where it is: a run may now stop as converged.</summary>
    public bool Settled => Locked(() => _controller.Settled);

    /// <summary>The learning rate now in force (lowered from the configured one when refused updates repeat, or by annealing).</summary>
    public float LearningRate => Locked(() => _applier.LearningRate);

    public IReadOnlyList<ThresholdChange> ThresholdChanges => Locked(() => _controller.Changes);

    public AggregationStatistics Statistics() => Locked(() => _applier.Counters.Snapshot(_controller.Threshold));

    /// <summary>
    /// The latest published weights with the counters and learning rate that produced them. Every update is applied
    /// and published under this lock, so the three always match (a checkpoint taken while training goes on stores
    /// exactly what its weights learned). The caller gives the snapshot back with <see cref="WeightsBoard.Release"/>.
    /// </summary>
    public WeightsSnapshot AcquireLatest(WeightsBoard board, out AggregationStatistics statistics, out float learningRate)
    {
        lock (_gate)
        {
            statistics = _applier.Counters.Snapshot(_controller.Threshold);
            learningRate = _applier.LearningRate;
            return board.Acquire();
        }
    }

    /// <summary>Copies the current weights (the aggregator's own, not a snapshot).</summary>
    public float[] CopyWeights() => Locked(_applier.CopyWeights);

    /// <summary>Tells the policy, with the next update's signals, that the validation loss stopped improving.</summary>
    public void ReportValidationPlateau()
    {
        lock (_gate)
        {
            _validationPlateau = true;
        }
    }

    /// <summary>Tells the policy, with the next update's signals, that the validation loss's progress slowed.</summary>
    public void ReportValidationSlowdown()
    {
        lock (_gate)
        {
            _validationSlowdown = true;
        }
    }

    /// <summary>Multiplies the learning rate by <paramref name="factor"/> from the next update on.</summary>
    public void ScaleLearningRate(float factor)
    {
        lock (_gate)
        {
            _applier.ScaleLearningRate(factor);
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
                Retune(_controller.Target(_liveWorkers), ThresholdReason.WorkersRetired);
                return;
            }

            // No live worker means no pending gradient: each pending one belongs to a worker awaiting its release.
            _completed = true;
            _inboxLink.Dispose();
            _batcherLink.Dispose();
            _inbox.Complete();
            _batcher.Complete();
            _batches.Complete();
        }
    }

    /// <summary>
    /// A worker will send gradients from now on (a cluster's silo registered it). The cap on k rises with it, up to
    /// the <see cref="AggregatorSettings.Workers"/> places the aggregator was built for.
    /// </summary>
    public void AdmitWorker()
    {
        lock (_gate)
        {
            if (_completed)
            {
                throw new InvalidOperationException("The aggregator has completed: every worker retired, so none can join.");
            }

            if (_liveWorkers == _settings.Workers)
            {
                throw new InvalidOperationException($"All {_settings.Workers} worker places are taken.");
            }

            _liveWorkers++;
            Retune(_controller.Target(_liveWorkers), ThresholdReason.WorkersJoined);
        }
    }

    /// <summary>Workers now sending gradients: what caps k.</summary>
    public int LiveWorkers => Locked(() => _liveWorkers);

    private static BatchBlock<GradientMessage> CreateBatcher(int threshold, int bufferedBatches) =>
        new(threshold, new GroupingDataflowBlockOptions { BoundedCapacity = threshold * bufferedBatches, Greedy = true });

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private UpdateSignals Signals(ReadOnlySpan<GradientSignal> gradients) => new()
    {
        ValidationPlateau = gradients.Length > 0 && _validationPlateau,
        ValidationSlowdown = gradients.Length > 0 && _validationSlowdown,
        Progress = _settings.Progress.At(_applier.Counters.Examples, _applier.Counters.Version),
        ProgressEndsRun = _settings.Progress.EndsRun,
        Workers = _settings.Workers,
        LiveWorkers = _liveWorkers,
        Threshold = _controller.Threshold,
        Examples = _applier.Counters.Examples,
        Elapsed = _settings.Progress.Elapsed,
        Gradients = gradients,
    };

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

            long started = _settings.Progress.Time.GetTimestamp();
            if (batch.Length == _controller.Threshold)
            {
                Apply(batch);
            }
            else
            {
                // The batch was formed by a block that a retune has since replaced: regroup it at the current k.
                Rebatch(_controller.Threshold, batch, cause: null);
            }

            Retune(_controller.Target(_liveWorkers), cause: null);
            _applier.Counters.RecordBusy(_settings.Progress.Time.GetElapsedTime(started));
        }
    }

    /// <summary>One update; the policy observes it and decides the next k, which <see cref="Retune"/> puts in force.</summary>
    private void Apply(ReadOnlySpan<GradientMessage> group)
    {
        var signals = _applier.Apply(group, _controller.Threshold, _liveWorkers);
        _controller.Decide(Signals(signals));
        _validationPlateau = false;
        _validationSlowdown = false;
    }

    private void Retune(int target, ThresholdReason? cause)
    {
        if (target != _controller.Threshold)
        {
            Rebatch(target, [], cause);
        }
    }

    private void Rebatch(int threshold, IReadOnlyList<GradientMessage> carried, ThresholdReason? cause)
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

        if (threshold != _controller.Threshold)
        {
            _controller.Change(threshold, cause, _settings.Progress.Elapsed.TotalSeconds, pending.Count);
        }

        // Whole groups are applied now, at the new k (the policy still sees each update; a further change of k it
        // asks for takes effect at the next retune).
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

        _batcherLink = _batcher.LinkTo(_batches);
        _inboxLink = _inbox.LinkTo(_batcher);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discarded {Gradients} gradients queued when training was aborted")]
    private static partial void LogDiscarded(ILogger logger, int gradients);
}
