using HybridSgd.Bench.Data;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Bench.Runs;

/// <summary>Runs the real pipeline through its public entry point, <see cref="HybridTrainer.TrainAsync(TrainingData, IModel, TrainingOptions, TrainerEnvironment, CancellationToken)"/>.</summary>
internal static class PipelineRunner
{
    /// <param name="stopAtAccuracy">Stops the run gracefully once a curve point reaches it (see <see cref="TargetWatcher"/>).</param>
    public static async Task<TrainingResult> RunAsync(
        BenchData data,
        IModel model,
        BenchSettings settings,
        TrainingMode mode,
        int workers,
        float learningRate,
        int seed,
        TimeSpan? budget,
        int? epochs,
        TimeSpan evaluationInterval,
        double? stopAtAccuracy = null,
        LearningRateDecay decay = LearningRateDecay.None,
        float finalLearningRateFraction = 0.05f)
    {
        var options = new TrainingOptions
        {
            Mode = mode,
            Workers = workers,
            BatchSize = settings.BatchSize,
            LearningRate = learningRate,
            LearningRateDecay = decay,
            FinalLearningRateFraction = finalLearningRateFraction,
            L2 = settings.L2,
            Seed = seed,
            Budget = budget is { } b ? new Duration(b) : null,
            Epochs = epochs,
            EvaluationInterval = new Duration(evaluationInterval),
        };

        using var stop = new CancellationTokenSource();
        var environment = new TrainerEnvironment
        {
            Logger = stopAtAccuracy is { } target ? new TargetWatcher(target, stop) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
        };

        // A clean heap for every run, so one run's garbage is not collected on the next one's clock.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return await HybridTrainer.TrainAsync(data.Training, model, options, environment, stop.Token).ConfigureAwait(false);
    }

    public static double? SecondsTo(this TrainingResult result, double accuracy) =>
        result.Curve.FirstOrDefault(p => p.TestAccuracy >= accuracy)?.Seconds;

    public static double ExamplesPerSecond(this TrainingResult result) => result.Statistics.Examples / result.TrainSeconds;

    /// <summary>The aggregator's own work per update: its busy time (applying, under its lock) over the updates.</summary>
    public static double BusyMicrosecondsPerUpdate(this TrainingResult result) =>
        result.Statistics.BusyTime.TotalMicroseconds / Math.Max(1, result.Statistics.Updates);
}
