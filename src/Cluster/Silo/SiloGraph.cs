using System.Threading.Tasks.Dataflow;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Training;
using HybridSgd.Pipeline.Workers;

namespace HybridSgd.Cluster.Silo;

/// <summary>
/// One silo's part of a job: loader → its workers → the link to the parameter-server grain, wired as the
/// single-process <c>TrainingGraph</c> wires loader → workers → aggregator, with the same fault rule: the first
/// failure cancels the rest (nobody waits for a gradient that will not come) and is what <see cref="RunAsync"/> throws.
/// </summary>
/// <remarks>
/// The differences: the aggregator is remote, so a finished worker retires by deregistering with the grain, and
/// the link must be completed and drained after the workers, because it is the link that releases them.
/// </remarks>
internal sealed class SiloGraph
{
    private readonly MinibatchLoader _loader;
    private readonly RemoteAggregatorLink _link;
    private readonly IReadOnlyList<int> _workerIds;
    private readonly Func<int, CancellationToken, GradientWorker> _createWorker;
    private readonly Func<int, Task> _retireAsync;

    public SiloGraph(
        MinibatchLoader loader,
        RemoteAggregatorLink link,
        IReadOnlyList<int> workerIds,
        Func<int, CancellationToken, GradientWorker> createWorker,
        Func<int, Task> retireAsync)
    {
        _loader = loader;
        _link = link;
        _workerIds = workerIds;
        _createWorker = createWorker;
        _retireAsync = retireAsync;
    }

    /// <summary>
    /// Runs until the shard is exhausted or <paramref name="stop"/> fires (graceful: minibatches already handed out
    /// are still trained on and their gradients applied); <paramref name="abort"/> is the link's and the workers'
    /// hard stop, cancelled here on the first fault.
    /// </summary>
    public async Task RunAsync(CancellationTokenSource abort, CancellationToken stop)
    {
        using var feedStop = CancellationTokenSource.CreateLinkedTokenSource(stop, abort.Token);
        var faults = new FirstFault(abort);
        var watched = new List<Task>(_workerIds.Count + 1);
        foreach (int id in _workerIds)
        {
            var worker = _createWorker(id, abort.Token);
            _loader.Output.LinkTo(worker.Block, new DataflowLinkOptions { PropagateCompletion = true });
            watched.Add(WatchWorkerAsync(worker, faults));
        }

        watched.Add(faults.WatchAsync(_loader.RunAsync(feedStop.Token)));
        var forwarding = faults.WatchAsync(_link.Completion);
        await faults.SettleAsync(Task.WhenAll(watched)).ConfigureAwait(false);

        // Every worker has finished, so no message can reach the link any more.
        _link.Complete();
        await faults.SettleAsync(forwarding).ConfigureAwait(false);
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
            // Also after a fault: the parameter server must stop counting this worker in k's cap.
            await faults.WatchAsync(_retireAsync(worker.Id)).ConfigureAwait(false);
        }
    }
}
