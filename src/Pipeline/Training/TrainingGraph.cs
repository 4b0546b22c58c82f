using System.Runtime.ExceptionServices;
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
    private ExceptionDispatchInfo? _firstFault;

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

        // The loader also stops on abort: its buffer would otherwise wait forever for workers that are gone.
        using var feedStop = CancellationTokenSource.CreateLinkedTokenSource(stop, abort.Token);
        var watched = new List<Task>(_workerCount + 2);
        for (int id = 0; id < _workerCount; id++)
        {
            var worker = _createWorker(id, abort.Token);
            _loader.Output.LinkTo(worker.Block, new DataflowLinkOptions { PropagateCompletion = true });
            watched.Add(WatchWorkerAsync(worker, abort));
        }

        watched.Add(WatchAsync(_loader.RunAsync(feedStop.Token), abort));
        watched.Add(WatchAsync(_aggregator.Completion, abort));
        try
        {
            await Task.WhenAll(watched).ConfigureAwait(false);
        }
        catch (Exception) when (_firstFault is not null || abort.IsCancellationRequested)
        {
            // Reported below as the first fault, not as whichever task WhenAll happened to surface.
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
            _aggregator.RetireWorker();
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
