using HybridSgd.Host.Data;
using Microsoft.Extensions.Logging;
using Microsoft.ML;

namespace HybridSgd.Host.Baselines;

/// <summary>
/// ML.NET's SDCA trainer for the task with its defaults (SdcaMaximumEntropy for multiclass, SdcaLogisticRegression
/// for binary, Sdca regression), trained on every training row of the split (already featurized, cached in
/// memory before the clock starts) and scored on the same test rows by ML.NET's own evaluator. Only Fit is timed,
/// as only training is timed for the SGD runs.
/// </summary>
internal sealed partial class SdcaBaseline(ILogger logger, TimeProvider time)
{
    public const string Method = "sdca";

    public async Task<BaselineResult> RunAsync(LoadedData data, int seed, TimeSpan progressInterval, CancellationToken stop)
    {
        var ml = new MLContext(seed);
        var sdca = SdcaForTask.Create(ml, data.Task);

        // SDCA makes many passes: an ML.NET cache, filled by one untimed pass so that Fit is not charged for parsing.
        var train = ml.Data.Cache(data.TrainView);
        Fill(train);

        // ML.NET's Fit takes no token (its context's CancelExecution lives in a package not served here), so a
        // stop request waits for SDCA to finish (seconds on Fashion-MNIST); the caller then skips the runs left.
        using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        long start = time.GetTimestamp();
        var progress = ReportProgressAsync(sdca.Name, start, progressInterval, progressStop.Token);
        ITransformer model;
        try
        {
            // Fit blocks for seconds; run it off the caller's thread so progress lines keep coming.
            model = await Task.Run(() => sdca.Trainer.Fit(train), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await progressStop.CancelAsync().ConfigureAwait(false);
            await progress.ConfigureAwait(false);
        }

        double seconds = time.GetElapsedTime(start).TotalSeconds;
        var metrics = sdca.Evaluate(model.Transform(data.TestView), data.Test.Count);
        LogFinished(logger, sdca.Name, seconds, metrics.Accuracy ?? metrics.RSquared, metrics.LogLoss ?? metrics.Rmse);
        return new BaselineResult(sdca.Name, seconds, metrics);
    }

    private static void Fill(IDataView cached)
    {
        using var cursor = cached.GetRowCursor(cached.Schema);
        while (cursor.MoveNext())
        {
        }
    }

    private async Task ReportProgressAsync(string trainer, long start, TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                LogProgress(logger, time.GetElapsedTime(start).TotalSeconds, trainer);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Fit returned (or the run was stopped): no more progress lines.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Seconds,6:F1}s  ML.NET {Trainer} training…")]
    private static partial void LogProgress(ILogger logger, double seconds, string trainer);

    [LoggerMessage(Level = LogLevel.Information, Message = "ML.NET {Trainer} trained in {Seconds:F2}s: test score {Score:F4} (accuracy or R²), loss {Loss:F4} (log-loss or RMSE)")]
    private static partial void LogFinished(ILogger logger, string trainer, double seconds, double? score, double? loss);
}
