using HybridSgd.Bench.Data;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;

namespace HybridSgd.Bench.Runs;

/// <summary>
/// Steady-state allocation per minibatch through the real pipeline (softmax, async, 2 workers): the process's
/// allocated bytes (GC.GetTotalAllocatedBytes(precise: true)) over a short and a long run of whole epochs. The
/// difference cancels what a run allocates once (graph, blocks, buffers, the first and last scoring); what
/// remains is per epoch (opening a shuffled cursor, measured apart) plus per minibatch.
/// </summary>
internal static class AllocationBenchmark
{
    public static async Task<AllocationResult> RunAsync(BenchData data, BenchSettings settings, Action<string> log)
    {
        var model = ModelFactory.Create(ModelFactory.Softmax, data.Training.FeatureCount, data.Training.ClassCount);
        int rows = data.TrainDense.Count;
        int minibatchesPerEpoch = (rows + settings.BatchSize - 1) / settings.BatchSize;
        await MeasureAsync(1).ConfigureAwait(false); // warm-up

        long cursorEpoch = MeasureCursorEpoch(data);
        var (shortBytes, shortGen0) = await MeasureAsync(settings.AllocationEpochs.Short).ConfigureAwait(false);
        var (longBytes, longGen0) = await MeasureAsync(settings.AllocationEpochs.Long).ConfigureAwait(false);
        int extraEpochs = settings.AllocationEpochs.Long - settings.AllocationEpochs.Short;
        long extraMinibatches = (long)extraEpochs * minibatchesPerEpoch;
        double perMinibatch = (longBytes - shortBytes) / (double)extraMinibatches;
        double perMinibatchPipeline = (longBytes - shortBytes - (extraEpochs * cursorEpoch)) / (double)extraMinibatches;
        log($"allocations: {perMinibatch:F0} B/minibatch in all, {perMinibatchPipeline:F0} B/minibatch without the per-epoch cursor ({cursorEpoch} B/epoch)");

        // Where the bytes go: the runtime's allocation sampling (one event per ~100 KB). A short and a long run
        // again, type by type, so that what a run allocates once (buffers, blocks) cancels out.
        var shortProfile = await SampleAsync(settings.AllocationEpochs.Short).ConfigureAwait(false);
        var longProfile = await SampleAsync(settings.AllocationEpochs.Long).ConfigureAwait(false);
        var profile = AllocationSampler.Difference(longProfile, shortProfile, top: 10);
        return new AllocationResult(
            perMinibatch, perMinibatchPipeline, cursorEpoch, minibatchesPerEpoch,
            (longGen0 - shortGen0) * 1000.0 / extraMinibatches, profile);

        async Task<(long Bytes, int Gen0)> MeasureAsync(int epochs)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            int gen0 = GC.CollectionCount(0);
            long before = GC.GetTotalAllocatedBytes(precise: true);
            await RunEpochsAsync(epochs).ConfigureAwait(false);
            return (GC.GetTotalAllocatedBytes(precise: true) - before, GC.CollectionCount(0) - gen0);
        }

        async Task<IReadOnlyDictionary<string, long>> SampleAsync(int epochs)
        {
            using var sampler = new AllocationSampler();
            await RunEpochsAsync(epochs).ConfigureAwait(false);
            return sampler.BytesByType();
        }

        Task RunEpochsAsync(int epochs) => PipelineRunner.RunAsync(
            data, model, settings, TrainingMode.Async, settings.Workers, settings.SoftmaxLearningRate, seed: 1,
            budget: null, epochs: epochs, evaluationInterval: TimeSpan.FromHours(1));
    }

    /// <summary>What the loader allocates per epoch for its cursor: open a shuffled cursor and read every row.</summary>
    private static long MeasureCursorEpoch(BenchData data)
    {
        var view = data.TrainView;
        var schema = DataViewSchemaCheck.Check(view.Schema);
        var row = new float[schema.FeatureCount];
        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        using (var reader = new DataViewRowReader(view, schema, new Random(1)))
        {
            while (reader.TryRead(row, out _))
            {
            }
        }

        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }
}

/// <param name="BytesPerMinibatch">Everything, the per-epoch cursor amortised over the epoch's minibatches.</param>
/// <param name="PipelineBytesPerMinibatch">The same without the cursor: what the graph allocates per minibatch.</param>
internal sealed record AllocationResult(
    double BytesPerMinibatch,
    double PipelineBytesPerMinibatch,
    long CursorBytesPerEpoch,
    int MinibatchesPerEpoch,
    double Gen0PerThousandMinibatches,
    IReadOnlyList<AllocationSample> Profile);
