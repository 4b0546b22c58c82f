using System.Threading.Tasks.Dataflow;
using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Pipeline.Policies;

namespace HybridSgd.Pipeline.Workers;

/// <summary>
/// One data-parallel worker: takes the latest weights, computes its minibatch gradient, hands it to the
/// aggregator and waits until the update that consumed it is published. Its block takes one minibatch at a
/// time (BoundedCapacity = 1), which is what spreads the loader's minibatches over idle workers.
/// <para>
/// Over a slow link the worker puts more work into each message (<see cref="LocalStepPlanner"/>): it then takes
/// several local SGD steps from the weights it pulled, one per minibatch, and sends their displacement. A message
/// is a round: opened by the first minibatch (pull), closed by the last one it plans for (push, send, wait) — or
/// by the end of the input, so the minibatches of a half-done round are never lost.
/// </para>
/// </summary>
internal sealed class GradientWorker
{
    private const int ProbeEveryRounds = 8;
    private readonly IModel _model;
    private readonly WorkerSupport _support;
    private readonly float[] _prediction;
    private readonly WeightsBoard _board;
    private readonly ITargetBlock<GradientMessage> _aggregator;
    private readonly MinibatchPool _pool;
    private readonly CancellationToken _abort;
    private readonly SimulatedConditions? _conditions;
    private readonly GradientMessage _message;
    private readonly SplitGradient? _split;
    private readonly LocalStepPlanner _planner;
    private readonly SgdOptimizer _localRule;
    private IModelKernel _kernel;
    private float[]? _local;
    private float[]? _localGradient;
    private long _sequence;
    private Round? _round;
    private int _roundsUntilProbe;

    public GradientWorker(
        int id,
        IModel model,
        WeightsBoard board,
        ITargetBlock<GradientMessage> aggregator,
        MinibatchPool pool,
        SimulatedConditions? conditions,
        WorkerSupport support,
        CancellationToken abort)
    {
        _model = model;
        _support = support;
        _prediction = new float[model.OutputCount];
        _conditions = conditions;
        Id = id;
        _kernel = model.CreateKernel();
        _board = board;
        _aggregator = aggregator;
        _pool = pool;
        _abort = abort;
        _message = new GradientMessage(id, new float[model.ParameterCount]);
        _split = support.ProbeNoise ? new SplitGradient(pool.BatchSize, model.FeatureCount, model.ParameterCount) : null;
        _planner = new LocalStepPlanner(support.MaxLocalSteps, support.FixedLocalSteps);

        // Local steps follow the aggregator's rule at the step size it publishes with the weights: a unit learning
        // rate scaled by that step size per call.
        _localRule = new SgdOptimizer(1f, support.L2);

        // One registration for the worker's whole run (it ends with the abort source), not one per wait: an
        // abort ends whichever wait is pending, and is a no-op between waits (see GradientMessage).
        abort.UnsafeRegister(static (message, token) => ((GradientMessage)message!).Cancel(token), _message);
        Block = new ActionBlock<Minibatch>(
            ProcessAsync,
            new ExecutionDataflowBlockOptions { BoundedCapacity = 1, MaxDegreeOfParallelism = 1, CancellationToken = abort });
        Completion = FinishAsync();
    }

    public int Id { get; }

    public ActionBlock<Minibatch> Block { get; }

    /// <summary>Completes once the block has and a round still open when the input ended was sent and applied.</summary>
    public Task Completion { get; }

    private async Task FinishAsync()
    {
        await Block.Completion.ConfigureAwait(false);
        if (_round is { Steps: > 0 })
        {
            await SendAsync(_round).ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(Minibatch batch)
    {
        try
        {
            _round ??= await OpenAsync().ConfigureAwait(false);
            await StepAsync(_round, batch).ConfigureAwait(false);
        }
        finally
        {
            _pool.Return(batch);
        }

        if (_round is { } round && round.Steps >= round.Planned)
        {
            await SendAsync(round).ConfigureAwait(false);
        }
    }

    /// <summary>Pulls the weights a new message starts from.</summary>
    private async Task<Round> OpenAsync()
    {
        long started = _support.Time.GetTimestamp();
        var snapshot = _board.Acquire();
        var round = new Round(snapshot.Version, _planner.Steps, started);
        try
        {
            // A simulated pull delay: the weights were handed out now but reach the worker later (staler).
            if (_conditions is not null)
            {
                long pulling = _support.Time.GetTimestamp();
                await _conditions.PullAsync(_abort).ConfigureAwait(false);
                round.CommunicationSeconds += _support.Time.GetElapsedTime(pulling).TotalSeconds;
            }

            if (round.Planned == 1)
            {
                // One step: the gradient is computed on the snapshot itself, held until then.
                round.Snapshot = snapshot;
                snapshot = null;
                return round;
            }

            // Local steps: the message buffer keeps the start, the local copy walks away from it.
            _local ??= new float[_model.ParameterCount];
            _localGradient ??= new float[_model.ParameterCount];
            snapshot.Values.CopyTo(_local, 0);
            snapshot.Values.CopyTo(_message.Gradient, 0);
            round.LearningRate = snapshot.LearningRate;
            return round;
        }
        finally
        {
            if (snapshot is not null)
            {
                _board.Release(snapshot);
            }
        }
    }

    private async Task StepAsync(Round round, Minibatch batch)
    {
        int count = batch.Count;
        long started = _support.Time.GetTimestamp();
        bool local = round.Snapshot is null;
        ReadOnlySpan<float> weights = local ? _local! : round.Snapshot!.Values;
        Span<float> gradient = local ? _localGradient! : _message.Gradient;
        bool probe = _split is not null && round.Steps == 0 && TakeProbeTurn();
        try
        {
            if (!TryComputeGradient(weights, batch, gradient, probe, out double loss, out var noise))
            {
                return;
            }

            // The loss is that of the weights before this minibatch is learned: predict-then-learn for free.
            _support.RecordProgressive(count, loss, _support.ScoreBeforeLearning ? CountCorrect(weights, batch) : null);
            if (local)
            {
                _localRule.Step(_local!, _localGradient!, round.LearningRate);
            }

            round.Add(count, loss, probe ? noise : null);
        }
        finally
        {
            if (round.Snapshot is { } snapshot)
            {
                // One step only: the snapshot's work is done whether the minibatch was learned or dropped.
                _board.Release(snapshot);
                round.Snapshot = null;
                if (round.Steps == 0)
                {
                    _round = null;
                }
            }
        }

        double compute = _support.Time.GetElapsedTime(started).TotalSeconds;
        if (_conditions is not null)
        {
            await _conditions.SlowDownAsync(TimeSpan.FromSeconds(compute), _abort).ConfigureAwait(false);
        }

        round.ComputeSeconds += _support.Time.GetElapsedTime(started).TotalSeconds;
    }

    private async Task SendAsync(Round round)
    {
        _round = null;
        if (_conditions is not null)
        {
            long pushing = _support.Time.GetTimestamp();
            await _conditions.PushAsync(_abort).ConfigureAwait(false);
            round.CommunicationSeconds += _support.Time.GetElapsedTime(pushing).TotalSeconds;
        }

        if (round.IsLocal)
        {
            // The displacement start − end: what the local steps moved the weights by.
            System.Numerics.Tensors.TensorPrimitives.Subtract(_message.Gradient, _local!, _message.Gradient);
        }

        double work = _support.Time.GetElapsedTime(round.Started).TotalSeconds;
        _planner.Observe(round.CommunicationSeconds, round.ComputeSeconds, round.Steps);

        // The message and its buffer are reused for the next round only after this wait ends.
        _message.Arm(_sequence++, round.Examples, round.Version, round.LossSum / round.Examples, round.Steps, work, round.Noise, round.IsLocal);

        // An abort that fired before the message was armed found no wait to end: check for it here.
        _abort.ThrowIfCancellationRequested();
        if (!await _aggregator.SendAsync(_message, _abort).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Worker {Id}: the aggregator no longer accepts gradients.");
        }

        await _message.Applied.ConfigureAwait(false);
    }

    /// <summary>
    /// The gradient, surviving a failing kernel when the run asks for it: the worker's kernel (its only state
    /// besides the message) is replaced by a fresh one and the minibatch retried once; a second failure drops the
    /// minibatch, counted and logged, so one poisoned minibatch cannot stop a long-running service.
    /// </summary>
    /// <summary>
    /// True for one round in <see cref="ProbeEveryRounds"/>. A probed gradient is computed as two half-batch
    /// gradients, which costs an MLP about a fifth of async's throughput (measured: 3 rounds of 4 s, k = 1); the
    /// noise scale is a slowly smoothed average, so a sample of the gradients estimates it as well.
    /// </summary>
    private bool TakeProbeTurn()
    {
        if (_roundsUntilProbe > 0)
        {
            _roundsUntilProbe--;
            return false;
        }

        _roundsUntilProbe = ProbeEveryRounds - 1;
        return true;
    }

    private bool TryComputeGradient(ReadOnlySpan<float> weights, Minibatch batch, Span<float> gradient, bool probe, out double loss, out NoiseProbe noise)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                noise = NoiseProbe.None;
                loss = probe
                    ? _split!.Compute(_kernel, weights, batch, gradient, out noise)
                    : _kernel.ComputeGradient(weights, batch, gradient);
                return true;
            }
            catch (Exception exception) when (_support.ReplaceFailedKernels && exception is not OperationCanceledException)
            {
                _kernel = _model.CreateKernel();
                if (attempt == 2)
                {
                    WorkerLog.Dropped(_support.Logger, Id, batch.Count, exception);
                    _support.RecordDropped();
                    loss = double.NaN;
                    noise = NoiseProbe.None;
                    return false;
                }

                WorkerLog.Replaced(_support.Logger, Id, exception);
            }
        }
    }

    private int? CountCorrect(ReadOnlySpan<float> weights, Minibatch batch)
    {
        if (_model.Task == LearningTask.Regression)
        {
            return null;
        }

        int correct = 0;
        for (int row = 0; row < batch.Count; row++)
        {
            _kernel.Predict(weights, batch.Row(row), _prediction);
            int label = (int)batch.Labels[row];
            correct += Evaluator.Read(_prediction, label).Predicted == label ? 1 : 0;
        }

        return correct;
    }

    /// <summary>The message being put together: which weights it started from, its steps so far, its times.</summary>
    private sealed class Round(long version, int planned, long started)
    {
        public long Version { get; } = version;

        public int Planned { get; } = planned;

        /// <summary>Local steps (planned for more than one): the message is a displacement, however many steps it holds.</summary>
        public bool IsLocal => Planned > 1;

        public long Started { get; } = started;

        /// <summary>The weights a one-step message is computed on, held until its gradient is done.</summary>
        public WeightsSnapshot? Snapshot { get; set; }

        /// <summary>The step size of local steps, as published with the weights they start from.</summary>
        public float LearningRate { get; set; }

        public int Steps { get; private set; }

        public int Examples { get; private set; }

        public double LossSum { get; private set; }

        public NoiseProbe Noise { get; private set; } = NoiseProbe.None;

        public double CommunicationSeconds { get; set; }

        public double ComputeSeconds { get; set; }

        public void Add(int examples, double loss, NoiseProbe? noise)
        {
            Steps++;
            Examples += examples;
            LossSum += loss * examples;
            Noise = noise ?? Noise;
        }
    }
}
