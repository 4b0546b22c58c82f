using System.Runtime.ExceptionServices;

namespace HybridSgd.Pipeline.Training;

/// <summary>
/// The first-fault rule of a training graph: the parts (loader, workers, aggregator or its remote link) are
/// watched; the first one to fail is remembered and cancels the rest, whose cancellations are then not errors, and
/// the graph rethrows that first exception, unwrapped from the AggregateExceptions dataflow links add. Shared by the
/// single-process graph and a cluster silo's graph.
/// </summary>
internal sealed class FirstFault(CancellationTokenSource abort)
{
    private ExceptionDispatchInfo? _first;

    /// <summary>A part has failed (its exception will be rethrown), or the run was aborted.</summary>
    public bool Happened => Volatile.Read(ref _first) is not null || abort.IsCancellationRequested;

    public async Task WatchAsync(Task part)
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
            Interlocked.CompareExchange(ref _first, ExceptionDispatchInfo.Capture(Unwrap(exception)), null);
            await abort.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Waits for <paramref name="parts"/> (already watched). Their failure is not thrown here but by
    /// <see cref="ThrowIfAny"/> as the first fault, not as whichever task happened to surface.
    /// </summary>
    public async Task SettleAsync(Task parts)
    {
        try
        {
            await parts.ConfigureAwait(false);
        }
        catch (Exception) when (Happened)
        {
            // Reported by ThrowIfAny.
        }
    }

    /// <summary>Rethrows the first part's exception, with its original stack, if one failed.</summary>
    public void ThrowIfAny() => Volatile.Read(ref _first)?.Throw();

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
