using HybridSgd.Embedding.Checkpoints;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Observability;
using HybridSgd.Pipeline.Persistence;
using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HybridSgd.Embedding.Online;

/// <summary>
/// The hosted service that trains on what the app writes into its <see cref="ExampleInbox"/>: it collects a segment
/// (up to <see cref="HybridSgdOptions.SegmentExamples"/> examples, or what came within
/// <see cref="HybridSgdOptions.SegmentWait"/>), trains one pass of the hybrid graph over it from the current weights,
/// publishes the weights to the <see cref="LiveModel"/> as it goes, and checkpoints on its interval. A graceful stop
/// trains what is still in the channel, then writes a final checkpoint; a new host resumes from it.
/// </summary>
/// <remarks>
/// A failure of the loop is logged and reported by the health check, and the app goes on (predicting with the last
/// weights): an embedded trainer must not take its host down. It is not swallowed: it is the health check's
/// Unhealthy result, with the exception.
/// </remarks>
internal sealed partial class OnlineTrainer(
    IOptions<HybridSgdOptions> configured,
    ExampleInbox inbox,
    LiveModel live,
    TrainerState state,
    TrainingMetrics metrics,
    TimeProvider time,
    ILogger<OnlineTrainer> logger) : BackgroundService
{
    private const string SegmentName = "channel";
    private const string ModelFileName = "model.hsgd";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
            state.Set(TrainerPhase.Stopped);
        }
        catch (Exception exception)
        {
            state.Failed(exception);
            LogFailed(logger, exception);
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var options = configured.Value;
        var model = live.Model;
        var store = string.IsNullOrWhiteSpace(options.ModelDirectory) ? null : new CheckpointStore(options.ModelDirectory);
        var segmented = Open(options, model, store);
        live.Publish(segmented.Weights, segmented.Totals.Updates);
        long lastCheckpoint = time.GetTimestamp();
        long checkpointedSegments = segmented.Totals.Segments;
        // Two collectors: the next segment is read from the channel while this one trains, so the app's writes
        // never wait on training (only on a full channel) and the trainer never waits on collecting.
        var segment = new SegmentCollector(options.FeatureCount, options.SegmentExamples);
        var next = new SegmentCollector(options.FeatureCount, options.SegmentExamples);
        using var collectStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var collecting = CollectAsync(segment, options, collectStop.Token);
        try
        {
            while (await collecting.ConfigureAwait(false))
            {
                state.Set(TrainerPhase.Training);
                var rows = segment.ToDataset();
                (segment, next) = (next, segment);
                collecting = CollectAsync(segment, options, collectStop.Token);
                var publisher = new LivePublisher(live, options.PublishInterval.Value, segmented.Totals.Updates);

                // The segment's examples are out of the channel: it is trained whole even when a stop is under way.
                await segmented.TrainAsync(rows, rows.Count, SegmentName, CancellationToken.None, publisher).ConfigureAwait(false);
                live.Publish(segmented.Weights, segmented.Totals.Updates);
                state.Trained(segmented.Totals.Examples, segmented.Totals.Segments);
                if (store is not null && time.GetElapsedTime(lastCheckpoint) >= options.CheckpointInterval.Value)
                {
                    Checkpoint(store, segmented, options);
                    lastCheckpoint = time.GetTimestamp();
                    checkpointedSegments = segmented.Totals.Segments;
                }

                state.Set(TrainerPhase.Waiting);
            }
        }
        catch
        {
            // Training failed: the collection under way ends at once (it stops waiting) and is awaited, so no
            // task outlives the loop; the failure itself goes on up to the health check.
            await collectStop.CancelAsync().ConfigureAwait(false);
            await collecting.ConfigureAwait(false);
            throw;
        }

        if (store is not null && segmented.Totals.Segments != checkpointedSegments)
        {
            Checkpoint(store, segmented, options);
        }
    }

    /// <summary>The model from the newest checkpoint in the model directory, or a fresh one.</summary>
    private SegmentedModel Open(HybridSgdOptions options, IModel model, CheckpointStore? store)
    {
        var environment = new TrainerEnvironment { Logger = new SegmentLogger(logger), Time = time, Metrics = metrics };
        var rejected = new List<string>();
        var loaded = store?.Load(rejected);
        foreach (string problem in rejected)
        {
            LogCheckpointRejected(logger, problem);
        }

        if (loaded is { Checkpoint: var checkpoint })
        {
            if (checkpoint.Model.Model != model.Name || checkpoint.Model.FeatureCount != model.FeatureCount || checkpoint.Model.OutputCount != model.OutputCount)
            {
                throw new InvalidDataException(
                    $"Checkpoint '{loaded.Path}' holds a {checkpoint.Model.Model} of {checkpoint.Model.FeatureCount} features and {checkpoint.Model.OutputCount} outputs; " +
                    $"{HybridSgdOptions.SectionName} describes a {model.Name} of {model.FeatureCount} and {model.OutputCount}. Use another ModelDirectory, or move the old one away.");
            }

            LogResumed(logger, loaded.Path, checkpoint.Totals.Examples, checkpoint.Totals.Updates);
            return new SegmentedModel(model, checkpoint.Model, loaded.Weights, checkpoint.LearningRate, checkpoint.Totals, options.Training, environment)
            {
                ProgressiveValidation = false,
            };
        }

        var header = new ModelHeader(
            model.Name, model.FeatureCount, model.OutputCount, ClassNames(options), SegmentName, (model as MlpModel)?.HiddenLayers ?? [], model.Task);
        return new SegmentedModel(model, header, SegmentedModel.Initial(model, options.Training.Seed), options.Training.LearningRate, new TrainingTotals(), options.Training, environment)
        {
            ProgressiveValidation = false,
        };
    }

    /// <summary>
    /// The next segment: waits for a first example, then takes what the channel holds, then waits up to the segment
    /// wait for more. False when there is nothing left: the channel was completed and is empty, or the app is
    /// stopping and the channel is empty (what it still held when the stop came is trained first).
    /// </summary>
    private async Task<bool> CollectAsync(SegmentCollector segment, HybridSgdOptions options, CancellationToken stop)
    {
        segment.Clear();
        var reader = inbox.Reader;
        if (!stop.IsCancellationRequested)
        {
            try
            {
                if (!await reader.WaitToReadAsync(stop).ConfigureAwait(false))
                {
                    return false;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopping: drain below without waiting.
            }
        }

        Drain(segment, reader);
        if (!segment.IsFull && !stop.IsCancellationRequested)
        {
            using var wait = new CancellationTokenSource(options.SegmentWait.Value, time);
            using var more = CancellationTokenSource.CreateLinkedTokenSource(stop, wait.Token);
            try
            {
                while (!segment.IsFull && await reader.WaitToReadAsync(more.Token).ConfigureAwait(false))
                {
                    Drain(segment, reader);
                }
            }
            catch (OperationCanceledException) when (more.IsCancellationRequested)
            {
                // The wait is over: train on what came.
            }
        }

        return segment.Count > 0;
    }

    private static void Drain(SegmentCollector segment, System.Threading.Channels.ChannelReader<Example> reader)
    {
        while (!segment.IsFull && reader.TryRead(out var example))
        {
            segment.Add(example);
        }
    }

    private void Checkpoint(CheckpointStore store, SegmentedModel segmented, HybridSgdOptions options)
    {
        var checkpoint = new Checkpoint
        {
            SavedUtc = time.GetUtcNow(),
            Model = segmented.Header,
            LearningRate = segmented.LearningRate ?? options.Training.LearningRate ?? Pipeline.Optimization.LearningRateEstimate.Default,
            Totals = segmented.Totals,
            Sources = [],
        };
        store.Write(checkpoint, segmented.Weights);
        ModelFile.Save(Path.Combine(Path.GetDirectoryName(store.CurrentPath)!, ModelFileName), segmented.Header, segmented.Weights);
        LogCheckpoint(logger, segmented.Totals.Examples, segmented.Totals.Updates);
    }

    private static string[] ClassNames(HybridSgdOptions options) => options.Task == LearningTask.Regression
        ? []
        : Enumerable.Range(0, options.ClassCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [LoggerMessage(Level = LogLevel.Error, Message = "The online trainer stopped; predictions go on with the last weights")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem}")]
    private static partial void LogCheckpointRejected(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed from {Path}: {Examples} examples, {Updates} updates")]
    private static partial void LogResumed(ILogger logger, string path, long examples, long updates);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint written: {Examples} examples, {Updates} updates")]
    private static partial void LogCheckpoint(ILogger logger, long examples, long updates);
}
