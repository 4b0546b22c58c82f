using HybridSgd.Bench.Data;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Models;

namespace HybridSgd.Bench.Runs;

/// <summary>
/// Examples per second of the plain single-threaded loop and of the pipeline (async, 2, 4 and 8 workers), run in
/// interleaved rounds (plain, 2, 4, 8, plain, 2, …) so that a noisy stretch of the machine hits every
/// configuration alike; each configuration's median over the rounds is reported. The test set is scored only
/// at the start and end of a pipeline run (evaluation interval 1 h), so scoring does not take cores from training.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task<ThroughputResult> RunAsync(BenchData data, BenchSettings settings, string modelName, float learningRate, Action<string> log)
    {
        var model = ModelFactory.Create(modelName, data.Training.FeatureCount, data.Training.ClassCount, settings.MlpHiddenLayers);
        int[] workerCounts = [settings.Workers, .. settings.OversubscribedWorkers];
        var plain = new List<double>();
        var plainCpu = new List<double>();
        var pipeline = workerCounts.ToDictionary(w => w, _ => new List<double>());
        var cpu = workerCounts.ToDictionary(w => w, _ => new List<double>());
        var staleness = workerCounts.ToDictionary(w => w, _ => new List<double>());

        // One short warm-up of each, so no measured run pays for first calls.
        PlainSgdLoop.Run(model, data.TrainDense, settings, learningRate, seed: 1, TimeSpan.FromSeconds(0.5));
        foreach (int workers in workerCounts)
        {
            await PipelineRunner.RunAsync(data, model, settings, TrainingMode.Async, workers, learningRate, 1, TimeSpan.FromSeconds(0.5), null, TimeSpan.FromHours(1)).ConfigureAwait(false);
        }

        for (int round = 0; round < settings.ThroughputRounds; round++)
        {
            GC.Collect();
            var cpuBefore = CpuTime.Now();
            var reference = PlainSgdLoop.Run(model, data.TrainDense, settings, learningRate, seed: round + 1, settings.ThroughputRun);
            plainCpu.Add(CpuTime.MicrosecondsPerMinibatch(cpuBefore, reference.Examples, settings.BatchSize));
            plain.Add(reference.ExamplesPerSecond);
            log($"throughput {modelName} round {round + 1}: plain loop {reference.ExamplesPerSecond:F0}/s, {plainCpu[^1]:F1} CPU µs/minibatch");
            foreach (int workers in workerCounts)
            {
                var before = CpuTime.Now();
                var result = await PipelineRunner.RunAsync(
                    data, model, settings, TrainingMode.Async, workers, learningRate, round + 1, settings.ThroughputRun, null, TimeSpan.FromHours(1)).ConfigureAwait(false);
                cpu[workers].Add(CpuTime.MicrosecondsPerMinibatch(before, result.Statistics.Examples, settings.BatchSize));
                pipeline[workers].Add(result.ExamplesPerSecond());
                staleness[workers].Add(result.Statistics.MeanStaleness);
                log($"throughput {modelName} round {round + 1}: pipeline async {workers} workers {result.ExamplesPerSecond():F0}/s, {cpu[workers][^1]:F1} CPU µs/minibatch");
            }
        }

        return new ThroughputResult(
            modelName,
            plain,
            Stats.Median(plainCpu),
            workerCounts.Select(w => new PipelineThroughput(w, pipeline[w], Stats.Median(staleness[w]), Stats.Median(cpu[w]))).ToArray());
    }
}

/// <param name="CpuMicrosecondsPerMinibatch">Process CPU time (all threads) per minibatch trained: the work it costs, whether or not cores sat idle.</param>
internal sealed record PipelineThroughput(int Workers, IReadOnlyList<double> ExamplesPerSecond, double MeanStaleness, double CpuMicrosecondsPerMinibatch)
{
    public double Median => Stats.Median(ExamplesPerSecond);
}

internal sealed record ThroughputResult(
    string Model, IReadOnlyList<double> PlainExamplesPerSecond, double PlainCpuMicrosecondsPerMinibatch, IReadOnlyList<PipelineThroughput> Pipeline)
{
    public double PlainMedian => Stats.Median(PlainExamplesPerSecond);

    public PipelineThroughput For(int workers) => Pipeline.Single(p => p.Workers == workers);
}
