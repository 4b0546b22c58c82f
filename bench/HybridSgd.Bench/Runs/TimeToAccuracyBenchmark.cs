using HybridSgd.Bench.Baselines;
using HybridSgd.Bench.Data;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Bench.Runs;

/// <summary>
/// Time to reach an ML.NET baseline's test accuracy, in the same process right after the baseline was fitted:
/// softmax against SdcaMaximumEntropy, the MLP against LightGBM. Each SGD run stops as soon as a curve point
/// reaches the baseline's accuracy; the time read off the curve includes scoring the test set (which runs
/// beside the workers), and its resolution is the evaluation interval.
/// </summary>
internal static class TimeToAccuracyBenchmark
{
    public static async Task<TimeToAccuracyResult> SoftmaxVersusSdcaAsync(BenchData data, BenchSettings settings, Action<string> log)
    {
        var model = ModelFactory.Create(ModelFactory.Softmax, data.Training.FeatureCount, data.Training.ClassCount);

        // Warm-up: the first fit and the first pipeline run pay for loading code, not for training.
        await PipelineRunner.RunAsync(data, model, settings, settings.SoftmaxMode, settings.Workers, settings.SoftmaxLearningRate, 1, TimeSpan.FromSeconds(0.5), null, settings.SoftmaxEvaluationInterval).ConfigureAwait(false);
        var baseline = MlNetBaselines.Sdca(data, seed: 1);
        log($"{baseline.Name}: {baseline.TrainSeconds:F2}s, accuracy {baseline.Accuracy:F4}, log-loss {baseline.LogLoss:F4}");

        var runs = new List<SgdRun>();
        foreach (int seed in settings.SoftmaxSeeds)
        {
            var result = await PipelineRunner.RunAsync(
                data, model, settings, settings.SoftmaxMode, settings.Workers, settings.SoftmaxLearningRate, seed,
                settings.SoftmaxBudget, null, settings.SoftmaxEvaluationInterval, stopAtAccuracy: baseline.Accuracy).ConfigureAwait(false);
            runs.Add(SgdRun.From(result, baseline.Accuracy));
            log($"softmax {settings.SoftmaxMode} {settings.Workers} workers seed {seed}: {Describe(runs[^1])}");
        }

        var plain = PlainSgdLoop.Run(
            model, data.TrainDense, settings, settings.SoftmaxLearningRate, seed: 1, settings.SoftmaxBudget,
            data.Test, settings.SoftmaxEvaluationInterval, baseline.Accuracy);
        log($"plain loop: {plain.SecondsTo(baseline.Accuracy)?.ToString("F2") ?? "not reached"}s");
        return new TimeToAccuracyResult(baseline, settings.SoftmaxMode, runs, plain.SecondsTo(baseline.Accuracy));
    }

    public static async Task<TimeToAccuracyResult> MlpVersusLightGbmAsync(BenchData data, BenchSettings settings, Action<string> log)
    {
        var model = ModelFactory.Create(ModelFactory.Mlp, data.Training.FeatureCount, data.Training.ClassCount, settings.MlpHiddenLayers);
        await PipelineRunner.RunAsync(data, model, settings, settings.MlpMode, settings.Workers, settings.MlpLearningRate, 1, TimeSpan.FromSeconds(0.5), null, settings.MlpEvaluationInterval).ConfigureAwait(false);
        var baseline = MlNetBaselines.LightGbm(data, seed: 1);
        log($"{baseline.Name}: {baseline.TrainSeconds:F2}s, accuracy {baseline.Accuracy:F4}, log-loss {baseline.LogLoss:F4}");

        var budget = TimeSpan.FromSeconds(baseline.TrainSeconds * settings.MlpBudgetOfLightGbm);
        var result = await PipelineRunner.RunAsync(
            data, model, settings, settings.MlpMode, settings.Workers, settings.MlpLearningRate, settings.MlpSeed,
            budget, null, settings.MlpEvaluationInterval, stopAtAccuracy: baseline.Accuracy, settings.MlpDecay, settings.MlpFinalLearningRateFraction).ConfigureAwait(false);
        var run = SgdRun.From(result, baseline.Accuracy);
        log($"mlp {settings.MlpMode} {settings.Workers} workers: {Describe(run)}");
        return new TimeToAccuracyResult(baseline, settings.MlpMode, [run], PlainSeconds: null);
    }

    private static string Describe(SgdRun run) =>
        $"{(run.SecondsToTarget is { } s ? $"target at {s:F2}s" : "target not reached")}, best accuracy {run.BestAccuracy:F4} after {run.Seconds:F2}s, {run.ExamplesPerSecond:F0} examples/s";
}

/// <summary>One SGD run against a target: when it got there (null: never), how far it got, how fast it went.</summary>
internal sealed record SgdRun(int Seed, double? SecondsToTarget, double BestAccuracy, double Seconds, double ExamplesPerSecond, double Epochs)
{
    public static SgdRun From(BenchRun result, double target) => new(
        result.Seed,
        result.SecondsTo(target),
        result.Curve.Max(p => p.TestAccuracy ?? double.NaN),
        result.TrainSeconds,
        result.ExamplesPerSecond(),
        result.Statistics.Examples / 60_000.0);
}

internal sealed record TimeToAccuracyResult(BaselineRun Baseline, TrainingMode Mode, IReadOnlyList<SgdRun> Runs, double? PlainSeconds)
{
    /// <summary>Median over seeds; a run that never reached the target counts as +∞ (so the median may be null).</summary>
    public double? MedianSecondsToTarget
    {
        get
        {
            double median = Stats.Median(Runs.Select(r => r.SecondsToTarget ?? double.PositiveInfinity));
            return double.IsFinite(median) ? median : null;
        }
    }
}
