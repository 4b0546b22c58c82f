using System.Threading.Tasks.Dataflow;
using HybridSgd.Cluster.Contracts;
using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Pipeline.Policies;
using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Cluster.Server;

/// <summary>
/// One job's parameter server, apart from Orleans: the Pipeline's <see cref="GradientAggregator"/> (update rule,
/// threshold controller, live retune of the batch block) fed with the gradients of remote workers, plus what a
/// cluster adds — worker registration, exactly-once accounting and versioned pulls.
/// </summary>
/// <remarks>
/// The grain calls it on its turns only, so registry and counters need no lock; the aggregator and the ledger have
/// their own, because updates are applied on the aggregator's dataflow thread. Awaits here keep the grain's
/// scheduler (no ConfigureAwait(false)): the code after them touches state that only grain turns may touch.
/// </remarks>
internal sealed partial class ParameterServer
{
    private readonly GradientAggregator _aggregator;
    private readonly WeightsBoard _board;
    private readonly WorkerRegistry _workers;
    private readonly GradientLedger _ledger = new();
    private readonly SiloBook _silos = new();
    private readonly ILogger _logger;
    private readonly int _parameterCount;
    private int _lostWorkers;

    // The examples the job will still train on, the horizon its learning-rate decay follows: the plan, less what dead
    // silos will never deliver (read by the aggregator's threads, changed by the grain's turns).
    private long _horizon;
    private long _pullsWithWeights;
    private long _pullsUnchanged;

    public ParameterServer(JobSpec spec, ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Spec = spec;
        _logger = logger;
        _parameterCount = spec.ParameterCount;
        _workers = new WorkerRegistry(spec.MaxWorkers);
        _horizon = spec.PlannedExamples ?? 0;
        var initial = FloatPayload.View(spec.InitialWeights);
        _board = new WeightsBoard(initial, spec.LearningRate);

        // Workers = the most that may ever be live; none is live until its silo registers it (k's cap starts at 1).
        _aggregator = new GradientAggregator(initial, _board, new AggregatorSettings(
            spec.MaxWorkers,
            spec.BufferedBatches,
            spec.Schedule.CreatePolicy(),
            new SgdOptimizer(spec.LearningRate, spec.L2),
            new ProgressMeter(time, budget: null, plannedExamples: null, spec.PlannedExamples is null ? null : Progress, customEndsRun: true),
            logger,
            OnUpdate: _ledger.RecordApplied,
            Schedule: new LearningRateSchedule(spec.Decay.ToPipeline(), spec.FinalLearningRateFraction),
            InitialLiveWorkers: 0));
    }

    public JobSpec Spec { get; }

    /// <summary>Progress for the decay: examples applied over the examples the job will still train on.</summary>
    private double Progress(RunCounts counts) => counts.Examples / (double)Math.Max(1, Volatile.Read(ref _horizon));

    /// <summary>Every registered worker retired and the last update is applied (or the aggregator failed).</summary>
    public bool Completed => _aggregator.Completion.IsCompleted;

    public int Register(SiloAddress silo)
    {
        // Checked before the registry changes, so that a refused worker leaves registry and aggregator in step.
        if (_aggregator.Completion.IsCompleted)
        {
            throw new InvalidOperationException("The job has completed (every worker retired); no worker can join it.");
        }

        int id = _workers.Register(silo);
        _silos.WorkerRegistered(silo);
        _aggregator.AdmitWorker();
        LogRegistered(_logger, id, silo, _workers.Live);
        return id;
    }

    public void Deregister(int workerId)
    {
        if (_workers.Retire(workerId))
        {
            _aggregator.RetireWorker();
            LogDeregistered(_logger, workerId, _workers.Live);
        }
    }

    /// <summary>Retires the live workers of <paramref name="silo"/>, which membership declared dead; returns how many.</summary>
    public int RetireSilo(SiloAddress silo)
    {
        var lost = _workers.LiveOn(silo);
        foreach (int id in lost)
        {
            _workers.Retire(id);
            _aggregator.RetireWorker();
        }

        _lostWorkers += lost.Count;
        if (lost.Count > 0)
        {
            long undelivered = _silos.Died(silo);
            LogSiloLost(_logger, silo, lost.Count, _workers.Live);
            if (Spec.PlannedExamples is not null && undelivered > 0)
            {
                // Otherwise a decay over the original plan never reaches its end: the survivors would finish at a
                // learning rate still far from annealed (measured: 0.839 instead of 0.841 after a kill at half-way).
                long horizon = Interlocked.Add(ref _horizon, -undelivered);
                LogHorizonShrunk(_logger, silo, undelivered, horizon);
            }
        }

        return lost.Count;
    }

    /// <summary>What <paramref name="silo"/> means to contribute (its shard's gradients and rows over the planned epochs).</summary>
    public void Plan(SiloAddress silo, SiloPlan plan) => _silos.Plan(silo, plan);

    /// <summary>A silo's own account of its run.</summary>
    public void Reported(SiloAddress silo, SiloRunReport report) => _silos.Reported(silo, report);

    /// <summary>The silos that still have live workers: the ones membership must be checked for.</summary>
    public IReadOnlyCollection<SiloAddress> WatchedSilos() => _workers.LiveSilos();

    public async Task<PushReceipt> PushAsync(GradientPayload gradient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        Check(gradient);
        _workers.RequireLive(gradient.WorkerId);
        if (!_ledger.TryAccept(gradient.WorkerId, gradient.Sequence))
        {
            LogDuplicate(_logger, gradient.WorkerId, gradient.Sequence);
            return new PushReceipt { AppliedVersion = _board.Version, PublishedVersion = _board.Version, Threshold = _aggregator.Threshold, Duplicate = true };
        }

        _silos.Accepted(_workers.SiloOf(gradient.WorkerId), gradient.ExampleCount);

        // A fresh message per remote gradient: its buffer is the payload's own copy, read in place by the applier.
        var message = new GradientMessage(gradient.WorkerId, FloatPayload.Decode(gradient.Values));
        message.Arm(
            gradient.Sequence,
            gradient.ExampleCount,
            gradient.WeightsVersion,
            gradient.Loss,
            gradient.Steps,
            gradient.WorkSeconds,
            gradient.Noise.ToProbe(),
            gradient.IsDisplacement);

        // Never a cancellable send: once accepted, a gradient must reach the aggregator. The inbox has a place for
        // each of MaxWorkers workers and the ledger lets each have one message unapplied, so Post should find room;
        // but a one-silo run (bench/cluster.sh --short --silos 1) saw it declined with every worker still live, so a
        // full inbox is waited out rather than failing the job. A completed aggregator declines both.
        if (!_aggregator.Input.Post(message))
        {
            LogInboxFull(_logger, gradient.WorkerId, gradient.Sequence, _workers.Live);
            if (!await _aggregator.Input.SendAsync(message, CancellationToken.None))
            {
                throw new InvalidOperationException($"The parameter server declined gradient {gradient.WorkerId}/{gradient.Sequence}: its aggregator has completed.");
            }
        }

        // The caller giving up ends its wait; the gradient itself stays accepted and is still applied once.
        using var registration = cancellationToken.UnsafeRegister(static (state, token) => ((GradientMessage)state!).Cancel(token), message);

        var applied = message.Applied.AsTask();

        // The aggregator faulting (or completing) would leave the wait pending forever: whichever ends first decides.
        if (await Task.WhenAny(applied, _aggregator.Completion) != applied)
        {
            await _aggregator.Completion;
            throw new InvalidOperationException($"The parameter server completed before gradient {gradient.WorkerId}/{gradient.Sequence} was applied.");
        }

        long version = await applied;
        return new PushReceipt { AppliedVersion = version, PublishedVersion = _board.Version, Threshold = _aggregator.Threshold };
    }

    public WeightsReply Pull(long knownVersion)
    {
        var snapshot = _board.Acquire();
        try
        {
            if (snapshot.Version == knownVersion)
            {
                _pullsUnchanged++;
                return new WeightsReply { Version = snapshot.Version, LearningRate = snapshot.LearningRate };
            }

            _pullsWithWeights++;
            return new WeightsReply { Version = snapshot.Version, LearningRate = snapshot.LearningRate, Values = FloatPayload.Encode(snapshot.Values) };
        }
        finally
        {
            _board.Release(snapshot);
        }
    }

    public JobStatus Status()
    {
        var statistics = _aggregator.Statistics();
        var ledger = _ledger.Counts();
        return new JobStatus
        {
            Completed = Completed,
            RegisteredWorkers = _workers.Registered,
            LiveWorkers = _workers.Live,
            Threshold = statistics.Threshold,
            Updates = statistics.Updates,
            GradientsAccepted = ledger.Accepted,
            GradientsApplied = statistics.Gradients,
            GradientsLedgered = ledger.Applied,
            DuplicatesRefused = ledger.DuplicatesRefused,
            DuplicateApplications = ledger.DuplicateApplications,
            SequenceGaps = ledger.Gaps,
            LostWorkers = _lostWorkers,
            Examples = statistics.Examples,
            SkippedUpdates = statistics.SkippedUpdates,
            ThresholdSteps = _aggregator.ThresholdChanges
                .Select(c => new ThresholdStep(c.Seconds, c.OldThreshold, c.NewThreshold, c.Reason is ThresholdReason.WorkersRetired or ThresholdReason.WorkersJoined))
                .ToArray(),
            PullsWithWeights = _pullsWithWeights,
            PullsUnchanged = _pullsUnchanged,
            Silos = _silos.Tallies(),
        };
    }

    private void Check(GradientPayload gradient)
    {
        if (gradient.Values.Length != _parameterCount * sizeof(float))
        {
            throw new ArgumentException($"Gradient {gradient.WorkerId}/{gradient.Sequence} holds {gradient.Values.Length} bytes; the model has {_parameterCount} float32 parameters ({_parameterCount * sizeof(float)} bytes).", nameof(gradient));
        }

        if (gradient.ExampleCount < 1 || gradient.Steps < 1 || gradient.Sequence < 0)
        {
            throw new ArgumentException($"Gradient {gradient.WorkerId}/{gradient.Sequence} has {gradient.ExampleCount} examples and {gradient.Steps} steps; both must be at least 1 and the sequence ≥ 0.", nameof(gradient));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {Worker} of silo {Silo} registered; {Live} live")]
    private static partial void LogRegistered(ILogger logger, int worker, SiloAddress silo, int live);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {Worker} deregistered; {Live} live")]
    private static partial void LogDeregistered(ILogger logger, int worker, int live);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} will not deliver {Undelivered} planned examples: the learning-rate decay now ends after {Horizon}")]
    private static partial void LogHorizonShrunk(ILogger logger, SiloAddress silo, long undelivered, long horizon);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} is dead: its {Lost} workers dropped out of k's cap; {Live} live")]
    private static partial void LogSiloLost(ILogger logger, SiloAddress silo, int lost, int live);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The aggregator's inbox declined gradient {Worker}/{Sequence} with {Live} workers live: waiting for room")]
    private static partial void LogInboxFull(ILogger logger, int worker, long sequence, int live);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused gradient {Worker}/{Sequence}: received before")]
    private static partial void LogDuplicate(ILogger logger, int worker, long sequence);
}
