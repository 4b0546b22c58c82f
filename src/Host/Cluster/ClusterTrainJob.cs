using HybridSgd.Cluster.Contracts;
using HybridSgd.Cluster.Silo;
using HybridSgd.Host.Data;
using HybridSgd.Host.Jobs;
using HybridSgd.Host.Options;
using HybridSgd.Host.Reports;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Pipeline.Persistence;
using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace HybridSgd.Host.Cluster;

/// <summary>
/// <c>train --cluster</c>: this process is one silo of a job. Every silo loads the data and keeps its row shard;
/// silo 0 (the coordinator) starts the job's parameter server, so the weights live in its process; every silo
/// announces its plan, registers its workers, waits until all silos have, and trains its shard. When the job has
/// completed, the coordinator evaluates the final weights on the test set and writes report.json and model.hsgd.
/// </summary>
internal sealed partial class ClusterTrainJob(
    IOptions<TrainingOptions> training,
    IOptions<SimulationOptions> simulation,
    IOptions<DataOptions> data,
    IOptions<ModelOptions> model,
    IOptions<OutputOptions> output,
    IOptions<ClusterOptions> cluster,
    SiloTrainer trainer,
    IGrainFactory grains,
    ILogger<ClusterTrainJob> logger,
    TimeProvider time) : IJob
{
    public async Task RunAsync(CancellationToken stop)
    {
        var options = training.Value;
        var settings = cluster.Value;
        int epochs = ClusterRunSettings.Check(options, data.Value, simulation.Value);
        var schedule = ClusterRunSettings.Schedule(options);
        var ml = new MLContext(options.Seed);
        var loaded = DatasetCatalog.Load(ml, data.Value, options.Seed);
        var net = model.Value.Create(loaded.Task, loaded.FeatureCount, loaded.ClassCount);
        var shard = RowShard.Of(loaded.Train, settings.SiloIndex, settings.Silos);
        int batchSize = options.BatchSize ?? TrainingOptions.AutoBatchSize(shard.Count, options.Workers);
        var plan = new SiloPlan(settings.SiloIndex, epochs * (long)((shard.Count + batchSize - 1) / batchSize), epochs * (long)shard.Count);
        LogShard(logger, settings.SiloIndex, settings.Silos, trainer.Silo, shard.Count, loaded.Train.Count, loaded.Name, options.Workers, batchSize);

        var server = grains.GetGrain<IParameterServerGrain>(settings.JobId);
        var board = grains.GetGrain<IJobBoardGrain>(settings.JobId);
        var peers = new ClusterPeers(server, board, settings, time);
        float learningRate = options.LearningRate ?? LearningRateEstimate.Suggest(net, loaded.Train);
        float l2 = options.L2 ?? RegularizationEstimate.Suggest(net, loaded.Train.Count);
        if (settings.IsCoordinator)
        {
            await StartJobAsync(server, net, schedule, learningRate, l2, epochs * (long)loaded.Train.Count, stop).ConfigureAwait(false);

            // Only now may the other silos call the parameter server: it is active here, where it was started.
            await board.MarkStartedAsync(stop).ConfigureAwait(false);
        }
        else
        {
            await peers.WaitStartedAsync(stop).ConfigureAwait(false);
        }

        await server.PlanSiloAsync(trainer.Silo, plan, stop).ConfigureAwait(false);
        var job = await trainer.JoinAsync(settings.JobId, options.Workers, stop).ConfigureAwait(false);
        try
        {
            await peers.WaitJoinedAsync(options.Workers, stop).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Workers left registered would hold k's cap up for gradients that never come.
            await job.LeaveAsync().ConfigureAwait(false);
            throw;
        }

        long started = time.GetTimestamp();
        using var budget = options.Budget is { } limit ? new CancellationTokenSource(limit.Value, time) : new CancellationTokenSource();
        using var runStop = CancellationTokenSource.CreateLinkedTokenSource(stop, budget.Token);
        var runOptions = new SiloRunOptions
        {
            BatchSize = batchSize,
            Epochs = epochs,
            Shuffle = options.Shuffle,

            // Each silo shuffles its own shard its own way; the shards are disjoint anyway.
            Seed = options.Seed + settings.SiloIndex,
            LoaderBufferedBatches = options.LoaderBufferedBatches,
        };
        using var progressStop = new CancellationTokenSource();
        var progress = settings.IsCoordinator ? LogProgressAsync(server, started, progressStop.Token) : Task.CompletedTask;
        SiloRunResult result;
        try
        {
            result = await job.RunAsync(TrainingRows.InMemory(shard), net, runOptions, runStop.Token).ConfigureAwait(false);
            await server.ReportRunAsync(trainer.Silo, result.ToReport(), stop).ConfigureAwait(false);
            LogSiloDone(logger, settings.SiloIndex, result.Gradients, result.PayloadBytes, result.WeightPulls, result.Stopped);
            if (!settings.IsCoordinator)
            {
                return;
            }

            var status = await peers.WaitSettledAsync(stop).ConfigureAwait(false);
            double seconds = time.GetElapsedTime(started).TotalSeconds;
            await progressStop.CancelAsync().ConfigureAwait(false);
            var endedBy = stop.IsCancellationRequested ? RunEnd.Stopped : budget.IsCancellationRequested ? RunEnd.Budget : RunEnd.Epochs;
            await WriteOutputsAsync(server, status, ml, loaded, net, options, batchSize, learningRate, l2, epochs, seconds, endedBy, stop).ConfigureAwait(false);
        }
        finally
        {
            await progressStop.CancelAsync().ConfigureAwait(false);
            await progress.ConfigureAwait(false);
        }
    }

    private async Task StartJobAsync(IParameterServerGrain server, IModel net, ClusterSchedule schedule, float learningRate, float l2, long plannedExamples, CancellationToken stop)
    {
        var options = training.Value;
        var initial = new float[net.ParameterCount];
        net.InitializeParameters(initial, new Random(options.Seed));
        var spec = new JobSpec
        {
            MaxWorkers = cluster.Value.Silos * options.Workers,
            LearningRate = learningRate,
            L2 = l2,
            Schedule = schedule,
            InitialWeights = FloatPayload.Encode(initial),
            BufferedBatches = options.AggregatorBufferedBatches,
            PlannedExamples = plannedExamples,
            Decay = ClusterRunSettings.Decay(options),
            FinalLearningRateFraction = options.FinalLearningRateFraction,
        };
        await server.StartAsync(spec, stop).ConfigureAwait(false);
        var host = await server.GetHostAsync(stop).ConfigureAwait(false);
        LogStarted(logger, cluster.Value.JobId, net.Name, schedule, learningRate, spec.MaxWorkers, host);
        if (!host.Equals(trainer.Silo))
        {
            // Not expected (the others wait on the job board): if the silo holding it goes, the job goes with it.
            LogElsewhere(logger, host);
        }
    }

    private async Task WriteOutputsAsync(
        IParameterServerGrain server,
        JobStatus status,
        MLContext ml,
        LoadedData loaded,
        IModel net,
        TrainingOptions options,
        int batchSize,
        float learningRate,
        float l2,
        int epochs,
        double seconds,
        RunEnd endedBy,
        CancellationToken stop)
    {
        var weights = FloatPayload.Decode((await server.PullAsync(-1, stop).ConfigureAwait(false)).Values);
        var host = await server.GetHostAsync(stop).ConfigureAwait(false);
        string directory = Path.GetFullPath(output.Value.Directory);
        string modelPath = Path.Combine(directory, OutputOptions.ModelFileName);
        var header = new ModelHeader(
            net.Name, net.FeatureCount, net.OutputCount, loaded.ClassNames, loaded.Name, (net as MlpModel)?.HiddenLayers ?? [], net.Task, loaded.Spec);
        ModelFile.Save(modelPath, header, weights);
        var metrics = MlNetMetrics.Evaluate(ml, net, weights, loaded.Test, loaded.ClassCount);
        var settings = cluster.Value;
        var summary = ClusterSummaries.From(status, settings.Membership, settings.Silos, options.Workers, host.ToString(), net.ParameterCount, seconds);
        var report = new ClusterReport(
            loaded.Name,
            loaded.Task.ToString().ToLowerInvariant(),
            net.Name,
            options.Mode.ToString().ToLowerInvariant(),
            ClusterRunSettings.Schedule(options).ToString().ToLowerInvariant(),
            options.Seed,
            batchSize,
            learningRate,
            l2,
            epochs,
            options.Budget?.Value.TotalSeconds,
            seconds,
            endedBy,
            status.Examples,
            status.Updates,
            status.GradientsApplied,
            status.SkippedUpdates,
            metrics,
            summary,
            status.ThresholdSteps,
            OutputOptions.ModelFileName,
            time.GetUtcNow());
        string reportPath = Path.Combine(directory, OutputOptions.ReportFileName);
        ReportFile.Write(reportPath, report);
        LogFinished(logger, endedBy, seconds, metrics.Accuracy ?? double.NaN, status.Updates, summary.LostSilos, summary.GradientsLost, summary.Wire.BytesPerUpdate, summary.Wire.MeanPushMs, summary.Wire.MeanPullMs);
        foreach (var silo in status.Silos.Where(s => !s.Settled))
        {
            LogUnsettled(logger, silo.Silo);
        }

        LogWritten(logger, reportPath, modelPath);
    }

    private async Task LogProgressAsync(IParameterServerGrain server, long started, CancellationToken cancellationToken)
    {
        var interval = cluster.Value.StatusInterval.Value;
        try
        {
            while (true)
            {
                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
                var status = await server.GetStatusAsync(cancellationToken).ConfigureAwait(false);
                double seconds = time.GetElapsedTime(started).TotalSeconds;
                LogProgress(logger, seconds, status.Examples, status.Updates, status.Threshold, status.LiveWorkers, status.LostWorkers);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run ended: so does its progress line.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Index} of {Silos} ({Silo}): shard of {ShardRows} of {TrainRows} training rows of {Dataset}, {Workers} workers, batch {BatchSize}")]
    private static partial void LogShard(ILogger logger, int index, int silos, SiloAddress silo, int shardRows, int trainRows, string dataset, int workers, int batchSize);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} started: {Model}, schedule {Schedule}, learning rate {LearningRate}, at most {MaxWorkers} workers; weights on {Host}")]
    private static partial void LogStarted(ILogger logger, string job, string model, ClusterSchedule schedule, float learningRate, int maxWorkers, SiloAddress host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job's weights live on {Host}, not on this coordinator: losing that silo loses the job")]
    private static partial void LogElsewhere(ILogger logger, SiloAddress host);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Seconds,7:F1}s  examples {Examples}  updates {Updates}  k={Threshold}  live workers {Live}  lost workers {Lost}")]
    private static partial void LogProgress(ILogger logger, double seconds, long examples, long updates, int threshold, int live, int lost);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Index} done: {Gradients} gradients pushed ({Bytes} bytes), {Pulls} weight pulls, stopped early: {Stopped}")]
    private static partial void LogSiloDone(ILogger logger, int index, long gradients, long bytes, long pulls, bool stopped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training ended ({EndedBy}) after {Seconds:F2}s: test accuracy {Accuracy:F4}, {Updates} updates; {LostSilos} silos lost, {LostGradients} gradients lost with them; {BytesPerUpdate:F0} bytes per update, push {PushMs:F2} ms, pull {PullMs:F2} ms")]
    private static partial void LogFinished(ILogger logger, RunEnd endedBy, double seconds, double accuracy, long updates, int lostSilos, long? lostGradients, double bytesPerUpdate, double pushMs, double pullMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} neither reported its run nor was declared dead in time: its traffic is not in the report")]
    private static partial void LogUnsettled(ILogger logger, SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Report} and {Model}")]
    private static partial void LogWritten(ILogger logger, string report, string model);
}
