using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Logging;
using Microsoft.ML;

namespace HybridSgd.Host.Baselines;

/// <summary>
/// ML.NET's SdcaMaximumEntropy with its defaults, trained on the very rows the SGD runs stream (same cached,
/// already-scaled features) and scored on the same test rows by ML.NET's own evaluator. Only Fit is timed,
/// as only training is timed for the SGD runs.
/// </summary>
internal sealed partial class SdcaBaseline(ILogger logger, TimeProvider time)
{
    public const string Method = "sdca";
    public const string TrainerName = "SdcaMaximumEntropy";

    public async Task<BaselineResult> RunAsync(TrainingData data, int seed, TimeSpan progressInterval, CancellationToken stop)
    {
        var testView = data.TestView ?? throw new InvalidOperationException("The SDCA baseline needs the test rows as an IDataView.");
        var ml = new MLContext(seed);
        var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy();

        // ML.NET's Fit takes no token (its context's CancelExecution lives in a package not served here), so a
        // stop request waits for SDCA to finish (seconds on Fashion-MNIST); the caller then skips the runs left.
        using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        long start = time.GetTimestamp();
        var progress = ReportProgressAsync(start, progressInterval, progressStop.Token);
        ITransformer model;
        try
        {
            // Fit blocks for seconds; run it off the caller's thread so progress lines keep coming.
            model = await Task.Run(() => trainer.Fit(data.Train), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await progressStop.CancelAsync().ConfigureAwait(false);
            await progress.ConfigureAwait(false);
        }

        double seconds = time.GetElapsedTime(start).TotalSeconds;
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(testView));
        LogFinished(logger, seconds, metrics.MicroAccuracy, metrics.LogLoss);
        return new BaselineResult(TrainerName, seconds, metrics.MicroAccuracy, metrics.LogLoss, data.Test.Count);
    }

    private async Task ReportProgressAsync(long start, TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                LogProgress(logger, time.GetElapsedTime(start).TotalSeconds);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Fit returned (or the run was stopped): no more progress lines.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Seconds,6:F1}s  ML.NET SdcaMaximumEntropy training…")]
    private static partial void LogProgress(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "ML.NET SdcaMaximumEntropy trained in {Seconds:F2}s: test accuracy {Accuracy:F4}, log-loss {LogLoss:F4}")]
    private static partial void LogFinished(ILogger logger, double seconds, double accuracy, double logLoss);
}
