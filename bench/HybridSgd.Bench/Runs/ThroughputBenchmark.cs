using HybridSgd.Bench.Data;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Bench.Runs;

/// <summary>
/// Examples per second of the plain single-threaded loop and of the pipeline (async, at each worker count), run
/// in interleaved rounds (plain, 2, 4, 8, plain, 2, …) so that a noisy stretch of the machine hits every
/// configuration alike; each configuration's median over the rounds is reported. The test set is scored only
/// at the start and end of a pipeline run (evaluation interval 1 h), so scoring does not take cores from training.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task<ThroughputResult> RunAsync(
        BenchData data, BenchSettings settings, string modelName, float learningRate, IReadOnlyList<int> workerCounts, int rounds, Action<string> log)
    {
        var model = ModelFactory.Create(modelName, data.Training.FeatureCount, data.Training.ClassCount, settings.MlpHiddenLayers);
        var plain = new List<double>();
        var plainCpu = new List<double>();
        var runs = workerCounts.ToDictionary(w => w, _ => new List<PipelineRun>());

        // One short warm-up of each, so no measured run pays for first calls.
        PlainSgdLoop.Run(model, data.TrainDense, settings, learningRate, seed: 1, TimeSpan.FromSeconds(0.5));
        foreach (int workers in workerCounts)
        {
            await RunPipelineAsync(workers, seed: 1, TimeSpan.FromSeconds(0.5)).ConfigureAwait(false);
        }

        for (int round = 0; round < rounds; round++)
        {
            GC.Collect();
            var cpuBefore = CpuTime.Now();
            var reference = PlainSgdLoop.Run(model, data.TrainDense, settings, learningRate, seed: round + 1, settings.ThroughputRun);
            plainCpu.Add(CpuTime.MicrosecondsPerMinibatch(cpuBefore, reference.Examples, settings.BatchSize));
            plain.Add(reference.ExamplesPerSecond);
            log($"throughput {modelName} round {round + 1}: plain loop {reference.ExamplesPerSecond:F0}/s, {plainCpu[^1]:F1} CPU µs/minibatch");
            foreach (int workers in workerCounts)
            {
                var run = await RunPipelineAsync(workers, round + 1, settings.ThroughputRun).ConfigureAwait(false);
                runs[workers].Add(run);
                log($"throughput {modelName} round {round + 1}: pipeline async {workers} workers {run.ExamplesPerSecond:F0}/s, {run.CpuMicrosecondsPerMinibatch:F1} CPU µs/minibatch, aggregator {run.BusyMicrosecondsPerUpdate:F2} µs/update");
            }
        }

        return new ThroughputResult(
            modelName,
            plain,
            Stats.Median(plainCpu),
            workerCounts.Select(w => new PipelineThroughput(
                w,
                runs[w].Select(r => r.ExamplesPerSecond).ToArray(),
                Stats.Median(runs[w].Select(r => r.MeanStaleness)),
                Stats.Median(runs[w].Select(r => r.CpuMicrosecondsPerMinibatch)),
                Stats.Median(runs[w].Select(r => r.BusyMicrosecondsPerUpdate)))).ToArray());

        async Task<PipelineRun> RunPipelineAsync(int workers, int seed, TimeSpan length)
        {
            var before = CpuTime.Now();
            var result = await PipelineRunner.RunAsync(
                data, model, settings, TrainingMode.Async, workers, learningRate, seed, length, null, TimeSpan.FromHours(1)).ConfigureAwait(false);
            return new PipelineRun(
                result.ExamplesPerSecond(),
                CpuTime.MicrosecondsPerMinibatch(before, result.Statistics.Examples, settings.BatchSize),
                result.Statistics.MeanStaleness,
                result.BusyMicrosecondsPerUpdate());
        }
    }

    private sealed record PipelineRun(double ExamplesPerSecond, double CpuMicrosecondsPerMinibatch, double MeanStaleness, double BusyMicrosecondsPerUpdate);
}

/// <param name="CpuMicrosecondsPerMinibatch">Process CPU time (all threads) per minibatch trained: the work it costs, whether or not cores sat idle.</param>
/// <param name="BusyMicrosecondsPerUpdate">The aggregator's own time per update (AggregationStatistics.BusyTime / Updates).</param>
internal sealed record PipelineThroughput(
    int Workers, IReadOnlyList<double> ExamplesPerSecond, double MeanStaleness, double CpuMicrosecondsPerMinibatch, double BusyMicrosecondsPerUpdate)
{
    public double Median => Stats.Median(ExamplesPerSecond);
}

internal sealed record ThroughputResult(
    string Model, IReadOnlyList<double> PlainExamplesPerSecond, double PlainCpuMicrosecondsPerMinibatch, IReadOnlyList<PipelineThroughput> Pipeline)
{
    public double PlainMedian => Stats.Median(PlainExamplesPerSecond);

    public PipelineThroughput For(int workers) => Pipeline.Single(p => p.Workers == workers);
}
