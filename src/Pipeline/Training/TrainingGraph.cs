using System.Threading.Tasks.Dataflow;
using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Workers;

namespace HybridSgd.Pipeline.Training;

/// <summary>
/// loader → N workers → aggregator, wired with completion propagation, plus the watchers that turn any part's
/// fault into a fault of the whole: the first failure cancels the rest (so nobody waits for a gradient that
/// will never come) and is what <see cref="RunAsync"/> throws.
/// </summary>
internal sealed class TrainingGraph
{
    private readonly MinibatchLoader _loader;
    private readonly GradientAggregator _aggregator;
    private readonly Func<int, CancellationToken, GradientWorker> _createWorker;
    private readonly int _workerCount;

    public TrainingGraph(
        MinibatchLoader loader,
        GradientAggregator aggregator,
        int workerCount,
        Func<int, CancellationToken, GradientWorker> createWorker)
    {
        _loader = loader;
        _aggregator = aggregator;
        _workerCount = workerCount;
        _createWorker = createWorker;
    }

    /// <summary>
    /// Runs until the loader's data is exhausted or <paramref name="stop"/> fires; either way the minibatches
    /// already handed out are trained on and the last update is applied before this returns.
    /// </summary>
    public async Task RunAsync(CancellationToken stop)
    {
        using var abort = new CancellationTokenSource();
        var faults = new FirstFault(abort);

        // The loader also stops on abort: its buffer would otherwise wait forever for workers that are gone.
        using var feedStop = CancellationTokenSource.CreateLinkedTokenSource(stop, abort.Token);
        var watched = new List<Task>(_workerCount + 2);
        for (int id = 0; id < _workerCount; id++)
        {
            var worker = _createWorker(id, abort.Token);
            _loader.Output.LinkTo(worker.Block, new DataflowLinkOptions { PropagateCompletion = true });
            watched.Add(WatchWorkerAsync(worker, faults));
        }

        watched.Add(faults.WatchAsync(_loader.RunAsync(feedStop.Token)));
        watched.Add(faults.WatchAsync(_aggregator.Completion));
        await faults.SettleAsync(Task.WhenAll(watched)).ConfigureAwait(false);
        faults.ThrowIfAny();
    }

    private async Task WatchWorkerAsync(GradientWorker worker, FirstFault faults)
    {
        try
        {
            await faults.WatchAsync(worker.Completion).ConfigureAwait(false);
        }
        finally
        {
            _aggregator.RetireWorker();
        }
    }
}
