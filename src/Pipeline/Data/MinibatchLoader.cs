using System.Threading.Tasks.Dataflow;

namespace HybridSgd.Pipeline.Data;

/// <summary>
/// Streams minibatches from the training rows into a bounded buffer that the workers pull from, so reading runs
/// ahead of the workers by at most the buffer's capacity (backpressure, bounded memory). Each epoch the rows
/// come in a new order (see <see cref="TrainingRows"/>). Rows that arrive over time (<see cref="IArrivingRowReader"/>)
/// are waited for, and a partly filled minibatch goes out when they pause.
/// </summary>
internal sealed class MinibatchLoader
{
    private readonly TrainingRows _rows;
    private readonly MinibatchPool _pool;
    private readonly int? _epochs;
    private readonly bool _shuffle;
    private readonly int _seed;

    public MinibatchLoader(TrainingRows rows, MinibatchPool pool, int? epochs, bool shuffle, int seed, int bufferedBatches)
    {
        if (rows.FeatureCount != pool.FeatureCount)
        {
            throw new ArgumentException($"The data has {rows.FeatureCount} features but the pool holds {pool.FeatureCount}.", nameof(pool));
        }

        _rows = rows;
        _pool = pool;
        _epochs = epochs;
        _shuffle = shuffle;
        _seed = seed;
        Output = new BufferBlock<Minibatch>(new DataflowBlockOptions { BoundedCapacity = bufferedBatches });
    }

    /// <summary>The workers link to this; it completes when the data (or the stop token) ends the stream.</summary>
    public BufferBlock<Minibatch> Output { get; }

    /// <summary>Rows dropped because their label was missing or their features not finite.</summary>
    public long SkippedRows => _rows.SkippedRows;

    /// <summary>
    /// Feeds the buffer until the epochs are done or <paramref name="stop"/> fires (a graceful stop: what is
    /// buffered is still trained on). Any read error faults the buffer, and so the graph.
    /// </summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            for (int epoch = 0; (_epochs is null || epoch < _epochs) && !stop.IsCancellationRequested; epoch++)
            {
                if (!await FeedEpochAsync(epoch, stop).ConfigureAwait(false))
                {
                    break;
                }
            }

            Output.Complete();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Output.Complete();
        }
        catch (Exception exception)
        {
            ((IDataflowBlock)Output).Fault(exception);
            throw;
        }
    }

    /// <returns>False when the stream should end (stopped, or the buffer no longer accepts).</returns>
    private async Task<bool> FeedEpochAsync(int epoch, CancellationToken stop)
    {
        using var reader = _rows.OpenEpoch(epoch, _shuffle, _seed);
        long rowsThisEpoch = 0;
        bool exhausted = false;
        var batch = _pool.Rent();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var row = batch.Features.AsSpan(batch.Count * batch.FeatureCount, batch.FeatureCount);
                if (!reader.TryRead(row, out float label))
                {
                    var arrival = reader is IArrivingRowReader arriving
                        ? await arriving.WaitAsync(batch.Count > 0, stop).ConfigureAwait(false)
                        : RowArrival.Ended;
                    if (arrival == RowArrival.Ready)
                    {
                        continue;
                    }

                    if (arrival == RowArrival.Quiet)
                    {
                        // Rows stopped coming for a while: the ones held are learned from now, not when the stream resumes.
                        var held = batch;
                        batch = null!;
                        if (!await SendAsync(held, stop).ConfigureAwait(false))
                        {
                            return false;
                        }

                        batch = _pool.Rent();
                        continue;
                    }

                    exhausted = true;
                    break;
                }

                batch.Labels[batch.Count++] = label;
                rowsThisEpoch++;
                if (batch.Count == batch.Capacity)
                {
                    var full = batch;
                    batch = null!;
                    if (!await SendAsync(full, stop).ConfigureAwait(false))
                    {
                        return false;
                    }

                    batch = _pool.Rent();
                }
            }

            // Only a cursor that really ran dry proves the data empty; a stop can land before the first row.
            if (exhausted && rowsThisEpoch == 0)
            {
                throw new InvalidDataException("The training data has no usable rows (every label missing, or no rows at all).");
            }

            // The short last minibatch of an epoch is trained on, not dropped.
            if (batch.Count > 0 && !stop.IsCancellationRequested)
            {
                var last = batch;
                batch = null!;
                return await SendAsync(last, stop).ConfigureAwait(false);
            }

            return !stop.IsCancellationRequested;
        }
        finally
        {
            if (batch is not null)
            {
                _pool.Return(batch);
            }
        }
    }

    /// <summary>
    /// Post first: when the buffer has room (the loader is ahead of the workers, the usual case) that is all it
    /// takes, while SendAsync always allocates its send state when it has to wait.
    /// </summary>
    private ValueTask<bool> SendAsync(Minibatch batch, CancellationToken stop) =>
        Output.Post(batch) ? ValueTask.FromResult(true) : new ValueTask<bool>(Output.SendAsync(batch, stop));
}
