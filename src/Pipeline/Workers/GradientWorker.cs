using System.Diagnostics;
using System.Threading.Tasks.Dataflow;
using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Models;

namespace HybridSgd.Pipeline.Workers;

/// <summary>
/// One data-parallel worker: takes the latest weights, computes its minibatch gradient, hands it to the
/// aggregator and waits until the update that consumed it is published. Its block takes one minibatch at a
/// time (BoundedCapacity = 1), which is what spreads the loader's minibatches over idle workers.
/// </summary>
internal sealed class GradientWorker
{
    private readonly IModel _model;
    private readonly WorkerSupport _support;
    private readonly float[] _prediction;
    private IModelKernel _kernel;
    private readonly WeightsBoard _board;
    private readonly ITargetBlock<GradientMessage> _aggregator;
    private readonly MinibatchPool _pool;
    private readonly CancellationToken _abort;
    private readonly SimulatedConditions? _conditions;
    private readonly GradientMessage _message;
    private long _sequence;

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

        // One registration for the worker's whole run (it ends with the abort source), not one per wait: an
        // abort ends whichever wait is pending, and is a no-op between waits (see GradientMessage).
        abort.UnsafeRegister(static (message, token) => ((GradientMessage)message!).Cancel(token), _message);
        Block = new ActionBlock<Minibatch>(
            ProcessAsync,
            new ExecutionDataflowBlockOptions { BoundedCapacity = 1, MaxDegreeOfParallelism = 1, CancellationToken = abort });
    }

    public int Id { get; }

    public ActionBlock<Minibatch> Block { get; }

    private async Task ProcessAsync(Minibatch batch)
    {
        double loss;
        long version;
        long started;
        int count = batch.Count;
        var snapshot = _board.Acquire();
        try
        {
            version = snapshot.Version;

            // A simulated pull delay: the weights were handed out now but reach the worker later (staler).
            if (_conditions is not null)
            {
                await _conditions.PullAsync(_abort).ConfigureAwait(false);
            }

            started = Stopwatch.GetTimestamp();
            if (!TryComputeGradient(snapshot.Values, batch, out loss))
            {
                return;
            }

            // The loss is that of the weights before this minibatch is learned: predict-then-learn for free.
            _support.RecordProgressive(count, loss, _support.ScoreBeforeLearning ? CountCorrect(snapshot.Values, batch) : null);
        }
        finally
        {
            _board.Release(snapshot);
            _pool.Return(batch);
        }

        if (_conditions is not null)
        {
            await _conditions.SlowDownAsync(Stopwatch.GetElapsedTime(started), _abort).ConfigureAwait(false);
            await _conditions.PushAsync(_abort).ConfigureAwait(false);
        }

        // The message and its gradient buffer are reused for the next minibatch only after this wait ends.
        _message.Arm(_sequence++, count, version, loss);

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
    private bool TryComputeGradient(ReadOnlySpan<float> weights, Minibatch batch, out double loss)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                loss = _kernel.ComputeGradient(weights, batch, _message.Gradient);
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
}
