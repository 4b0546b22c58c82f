using System.Diagnostics;
using System.Threading.Tasks.Dataflow;
using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;

namespace HybridSgd.Pipeline.Workers;

/// <summary>
/// One data-parallel worker: takes the latest weights, computes its minibatch gradient, hands it to the
/// aggregator and waits until the update that consumed it is published. Its block takes one minibatch at a
/// time (BoundedCapacity = 1), which is what spreads the loader's minibatches over idle workers.
/// </summary>
internal sealed class GradientWorker
{
    private readonly IModelKernel _kernel;
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
        CancellationToken abort)
    {
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
            loss = _kernel.ComputeGradient(snapshot.Values, batch, _message.Gradient);
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
}
