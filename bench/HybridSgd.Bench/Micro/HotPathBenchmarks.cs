using System.Threading.Tasks.Dataflow;
using BenchmarkDotNet.Attributes;
using HybridSgd.Datasets;
using HybridSgd.Bench.Runs;
using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Pipeline.Policies;
using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML;

namespace HybridSgd.Bench.Micro;

/// <summary>
/// What one minibatch costs on each stage of the hot path, measured side by side in one process with the
/// worker's gradient as the baseline (BenchmarkDotNet's Ratio column): the loader reading 64 rows, the
/// aggregator's round trip for one gradient (send, apply, publish, release the worker), and the same round trip
/// for a synchronous pair. Real Fashion-MNIST rows, batch 64.
/// </summary>
/// <remarks>Public and unsealed because BenchmarkDotNet requires it of benchmark classes.</remarks>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private IModelKernel _kernel = null!;
    private Minibatch _batch = null!;
    private float[] _weights = null!;
    private float[] _gradient = null!;
    private float[] _secondGradient = null!;
    private GradientAggregator _async = null!;
    private GradientAggregator _sync = null!;
    private WeightsBoard _asyncBoard = null!;
    private WeightsBoard _syncBoard = null!;
    private GradientMessage _asyncMessage = null!;
    private GradientMessage _first = null!;
    private GradientMessage _second = null!;
    private Minibatch _loaderBatch = null!;
    private IDataView _rows = null!;
    private DataViewSchemaCheck _schema = null!;
    private DataViewRowReader? _reader;
    private long _sequence;

    [Params(ModelFactory.Softmax, ModelFactory.Mlp)]
    public string Model { get; set; } = ModelFactory.Softmax;

    [GlobalSetup]
    public void Setup()
    {
        // The test split: 10k real rows are plenty for a minibatch and for the loader's cursor to run through.
        var ml = new MLContext(seed: 1);
        _rows = ml.Data.Cache(FashionMnist.Load(ml, DatasetLocator.ResolveFashionMnistDirectory(null)).Test);
        var dense = DenseDataset.FromDataView(_rows);
        _schema = DataViewSchemaCheck.Check(_rows.Schema);
        var model = ModelFactory.Create(Model, dense.FeatureCount, _schema.ClassCount, ModelFactory.DefaultHiddenLayers);
        _kernel = model.CreateKernel();
        _batch = dense.Slice(0, 64);
        _loaderBatch = new Minibatch(64, dense.FeatureCount);
        _weights = new float[model.ParameterCount];
        model.InitializeParameters(_weights, new Random(1));
        _gradient = new float[model.ParameterCount];
        _secondGradient = new float[model.ParameterCount];
        _kernel.ComputeGradient(_weights, _batch, _gradient);
        _kernel.ComputeGradient(_weights, dense.Slice(64, 64), _secondGradient);

        // A tiny step: millions of repeated updates must leave the weights finite (a skipped update costs less).
        _asyncBoard = new WeightsBoard(_weights);
        _async = CreateAggregator(_weights, _asyncBoard, workers: 1, new AsynchronousPolicy());
        _syncBoard = new WeightsBoard(_weights);
        _sync = CreateAggregator(_weights, _syncBoard, workers: 2, new SynchronousPolicy());
        _asyncMessage = new GradientMessage(0, _gradient);
        _first = new GradientMessage(0, _gradient);
        _second = new GradientMessage(1, _secondGradient);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _async.RetireWorker();
        _sync.RetireWorker();
        _sync.RetireWorker();
        _reader?.Dispose();
    }

    /// <summary>One worker's gradient of a 64-row minibatch (the unit every other row is compared with).</summary>
    [Benchmark(Baseline = true)]
    public double WorkerGradient() => _kernel.ComputeGradient(_weights, _batch, _gradient);

    /// <summary>Async (k = 1): from the worker's send to its release, through inbox, batch block and applier.</summary>
    [Benchmark]
    public async Task<long> AggregatorUpdateAsync()
    {
        // As a worker does: its one message, re-armed for every gradient.
        _asyncMessage.Arm(_sequence++, 64, _asyncBoard.Version, loss: 0.5);
        await _async.Input.SendAsync(_asyncMessage).ConfigureAwait(false);
        return await _asyncMessage.Applied.ConfigureAwait(false);
    }

    /// <summary>Sync (k = 2): two gradients, one update; per update, not per gradient.</summary>
    [Benchmark]
    public async Task<long> AggregatorUpdateOfTwoAsync()
    {
        long version = _syncBoard.Version;
        _first.Arm(_sequence++, 64, version, loss: 0.5);
        _second.Arm(_sequence++, 64, version, loss: 0.5);
        await _sync.Input.SendAsync(_first).ConfigureAwait(false);
        await _sync.Input.SendAsync(_second).ConfigureAwait(false);
        await _first.Applied.ConfigureAwait(false);
        return await _second.Applied.ConfigureAwait(false);
    }

    /// <summary>The loader's share: 64 rows from the ML.NET cache through a shuffled cursor into a minibatch.</summary>
    [Benchmark]
    public float LoaderMinibatch()
    {
        _reader ??= new DataViewRowReader(_rows, _schema, new Random(1));
        var batch = _loaderBatch;
        int features = batch.FeatureCount;
        for (int row = 0; row < batch.Capacity; row++)
        {
            if (!_reader.TryRead(batch.Features.AsSpan(row * features, features), out float label))
            {
                // End of the rows: a new epoch, as the loader opens one (its cost is spread over ~156 calls here).
                _reader.Dispose();
                _reader = new DataViewRowReader(_rows, _schema, new Random(row));
                row--;
                continue;
            }

            batch.Labels[row] = label;
        }

        batch.Count = batch.Capacity;
        return batch.Labels[0];
    }

    private static GradientAggregator CreateAggregator(float[] initial, WeightsBoard board, int workers, IThresholdPolicy policy) =>
        new(initial, board, new AggregatorSettings(
            workers, 1, policy, new SgdOptimizer(1e-6f, 0), new ProgressMeter(TimeProvider.System, null, null), NullLogger.Instance));
}
