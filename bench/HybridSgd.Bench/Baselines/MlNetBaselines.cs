using System.Diagnostics;
using HybridSgd.Bench.Data;
using Microsoft.ML;

namespace HybridSgd.Bench.Baselines;

/// <summary>
/// ML.NET's multiclass trainers with their defaults, fitted on the same cached rows the SGD runs stream and
/// scored by ML.NET's evaluator on the same test rows. Only Fit is timed, as only training is timed for SGD.
/// (The SDCA lines repeat src/Host/Baselines/SdcaBaseline.cs, which is internal to the host.)
/// </summary>
internal static class MlNetBaselines
{
    public static BaselineRun Sdca(BenchData data, int seed) =>
        Run("ML.NET SdcaMaximumEntropy", data, seed, ml => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());

    public static BaselineRun LightGbm(BenchData data, int seed) =>
        Run("ML.NET LightGbm (multiclass)", data, seed, ml => ml.MulticlassClassification.Trainers.LightGbm());

    private static BaselineRun Run<TModel>(
        string name, BenchData data, int seed, Func<MLContext, IEstimator<TModel>> trainer)
        where TModel : ITransformer
    {
        var ml = new MLContext(seed);
        var estimator = trainer(ml);
        GC.Collect();
        long start = Stopwatch.GetTimestamp();
        var model = estimator.Fit(data.TrainView);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(data.TestView));
        return new BaselineRun(name, seconds, metrics.MicroAccuracy, metrics.LogLoss);
    }
}

/// <summary>One fitted baseline: training seconds and test metrics.</summary>
internal sealed record BaselineRun(string Name, double TrainSeconds, double Accuracy, double LogLoss);
