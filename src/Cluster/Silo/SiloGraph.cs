using System.Runtime.ExceptionServices;
using System.Threading.Tasks.Dataflow;
using HybridSgd.Pipeline.Data;
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
    private ExceptionDispatchInfo? _firstFault;

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
        var watched = new List<Task>(_workerIds.Count + 1);
        foreach (int id in _workerIds)
        {
            var worker = _createWorker(id, abort.Token);
            _loader.Output.LinkTo(worker.Block, new DataflowLinkOptions { PropagateCompletion = true });
            watched.Add(WatchWorkerAsync(worker, abort));
        }

        watched.Add(WatchAsync(_loader.RunAsync(feedStop.Token), abort));
        var forwarding = WatchAsync(_link.Completion, abort);
        try
        {
            await Task.WhenAll(watched).ConfigureAwait(false);
        }
        catch (Exception) when (_firstFault is not null || abort.IsCancellationRequested)
        {
            // Reported below as the first fault, not as whichever task WhenAll happened to surface.
        }

        // Every worker has finished, so no message can reach the link any more.
        _link.Complete();
        try
        {
            await forwarding.ConfigureAwait(false);
        }
        catch (Exception) when (_firstFault is not null || abort.IsCancellationRequested)
        {
            // As above.
        }

        _firstFault?.Throw();
    }

    private async Task WatchWorkerAsync(GradientWorker worker, CancellationTokenSource abort)
    {
        try
        {
            await WatchAsync(worker.Completion, abort).ConfigureAwait(false);
        }
        finally
        {
            // Also after a fault: the parameter server must stop counting this worker in k's cap.
            await WatchAsync(_retireAsync(worker.Id), abort).ConfigureAwait(false);
        }
    }

    private async Task WatchAsync(Task part, CancellationTokenSource abort)
    {
        try
        {
            await part.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Cancelled because another part failed: that part's exception is the one reported.
        }
        catch (Exception exception)
        {
            Interlocked.CompareExchange(ref _firstFault, ExceptionDispatchInfo.Capture(Unwrap(exception)), null);
            await abort.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static Exception Unwrap(Exception exception)
    {
        // Completion propagated along a link arrives wrapped in AggregateExceptions; report the original.
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        return exception;
    }
}
