using HybridSgd.Bench.Data;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Bench.Runs;

/// <summary>Runs the real pipeline through its public entry point, <see cref="HybridTrainer.TrainAsync(TrainingSet, IModel, TrainingOptions, TrainerEnvironment, CancellationToken)"/>.</summary>
internal static class PipelineRunner
{
    /// <param name="stopAtAccuracy">Stops the run gracefully once a curve point reaches it (see <see cref="TargetObserver"/>).</param>
    public static async Task<BenchRun> RunAsync(
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
            Stop = budget is null ? StopRule.Epochs : StopRule.Budget,
            EvaluationInterval = new Duration(evaluationInterval),
        };

        using var stop = new CancellationTokenSource();
        var curve = new TargetObserver(model, data.Test, evaluationInterval, stopAtAccuracy, stop);
        var environment = new TrainerEnvironment { Observer = curve };

        // A clean heap for every run, so one run's garbage is not collected on the next one's clock.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var result = await HybridTrainer.TrainAsync(data.Training, model, options, environment, stop.Token).ConfigureAwait(false);
        return new BenchRun(result, curve.Curve);
    }
}
