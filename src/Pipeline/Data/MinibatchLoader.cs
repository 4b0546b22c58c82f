using System.Threading.Tasks.Dataflow;
using Microsoft.ML;

namespace HybridSgd.Pipeline.Data;

/// <summary>
/// Streams minibatches from an IDataView into a bounded buffer that the workers pull from, so reading runs ahead
/// of the workers by at most the buffer's capacity (backpressure, bounded memory). Each epoch opens a new
/// cursor: a random-order cursor where the view supports one (an ML.NET cache does), otherwise ML.NET's
/// streaming pool shuffle — or, when the same rows are also held in memory, a seeded permutation of them.
/// </summary>
internal sealed class MinibatchLoader
{
    private const int ShufflePoolRows = 10_000;
    private readonly MLContext _ml;
    private readonly IDataView _data;
    private readonly DenseDataset? _inMemory;
    private readonly DataViewSchemaCheck _schema;
    private readonly MinibatchPool _pool;
    private readonly int? _epochs;
    private readonly bool _shuffle;
    private readonly int _seed;
    private long _skipped;

    /// <param name="inMemory">The rows of <paramref name="data"/> held in memory, read instead of a cursor when given.</param>
    public MinibatchLoader(MLContext ml, IDataView data, MinibatchPool pool, int? epochs, bool shuffle, int seed, int bufferedBatches, DenseDataset? inMemory = null)
    {
        _ml = ml;
        _data = data;
        _inMemory = inMemory;
        _schema = DataViewSchemaCheck.Check(data.Schema);
        if (_schema.FeatureCount != pool.FeatureCount)
        {
            throw new ArgumentException($"The data has {_schema.FeatureCount} features but the pool holds {pool.FeatureCount}.", nameof(pool));
        }

        if (inMemory is not null && inMemory.FeatureCount != pool.FeatureCount)
        {
            throw new ArgumentException($"The in-memory rows have {inMemory.FeatureCount} features but the pool holds {pool.FeatureCount}.", nameof(inMemory));
        }

        _pool = pool;
        _epochs = epochs;
        _shuffle = shuffle;
        _seed = seed;
        Output = new BufferBlock<Minibatch>(new DataflowBlockOptions { BoundedCapacity = bufferedBatches });
    }

    /// <summary>The workers link to this; it completes when the data (or the stop token) ends the stream.</summary>
    public BufferBlock<Minibatch> Output { get; }

    /// <summary>Rows dropped because their label was missing.</summary>
    public long SkippedRows => Interlocked.Read(ref _skipped) + (_inMemory?.SkippedRows ?? 0);

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
        using var reader = OpenEpoch(epoch);
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
                    exhausted = true;
                    break;
                }

                batch.Labels[batch.Count++] = label;
                rowsThisEpoch++;
                if (batch.Count == batch.Capacity)
                {
                    var full = batch;
                    batch = null!;
                    if (!await Output.SendAsync(full, stop).ConfigureAwait(false))
                    {
                        return false;
                    }

                    batch = _pool.Rent();
                }
            }

            Interlocked.Add(ref _skipped, reader.SkippedRows);

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
                return await Output.SendAsync(last, stop).ConfigureAwait(false);
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

    private IRowReader OpenEpoch(int epoch)
    {
        // Not HashCode.Combine: it is salted per process, and a seed must give the same order in every run.
        int seed = unchecked((_seed * 1_000_003) + epoch);
        if (_inMemory is not null)
        {
            return DenseRowReader.Open(_inMemory, _shuffle ? new Random(seed) : null);
        }

        if (!_shuffle)
        {
            return new DataViewRowReader(_data, _schema, cursorRandom: null);
        }

        if (_data.CanShuffle)
        {
            return new DataViewRowReader(_data, _schema, new Random(seed));
        }

        var shuffled = _ml.Data.ShuffleRows(_data, seed, ShufflePoolRows, shuffleSource: false);
        return new DataViewRowReader(shuffled, _schema, cursorRandom: null);
    }
}
