using HybridSgd.Embedding.Checkpoints;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Observability;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Pipeline.Persistence;
using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HybridSgd.Embedding.Online;

/// <summary>
/// The hosted service that trains on what the app writes into its <see cref="ExampleInbox"/>: one training run for
/// the trainer's whole life (one graph, one set of workers, one threshold policy), whose minibatches are filled
/// straight from the channel (<see cref="ChannelRows"/>). Its observer publishes the weights to the
/// <see cref="LiveModel"/> and writes checkpoints on their intervals (<see cref="RunWatcher"/>). A graceful stop
/// learns from what is still in the channel, then writes a final checkpoint; a new host resumes from it.
/// </summary>
/// <remarks>
/// A failure of the run is logged and reported by the health check, and the app goes on (predicting with the last
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
    ILogger<OnlineTrainer> logger) : IHostedService, IDisposable
{
    private const string DatasetName = "channel";
    private readonly CancellationTokenSource _appStopping = new();

    /// <summary>The trainer's loop, from the host's start until it ends (it never faults: see <see cref="TrainerState"/>).</summary>
    public Task? ExecuteTask { get; private set; }

    /// <remarks>
    /// Not a <see cref="BackgroundService"/>: since .NET 10 it starts ExecuteAsync with Task.Run under the stopping
    /// token, so a host stopped before the thread pool got to it never ran it — and the examples already in the
    /// channel were neither learned from nor checkpointed (a test stopping at once caught it).
    /// </remarks>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ExecuteTask = Task.Run(() => ExecuteAsync(_appStopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The loop learns from what the channel still holds, checkpoints and ends; the host waits for that up to its
    /// shutdown timeout (<paramref name="cancellationToken"/>), as it waits for a BackgroundService, and past it goes
    /// on without the final checkpoint (the crash case of docs/EMBEDDING.md).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (ExecuteTask is null)
        {
            return;
        }

        await _appStopping.CancelAsync().ConfigureAwait(false);
        await ExecuteTask.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        // A loop the host stopped waiting for (past its shutdown timeout) still reads the token; that source, holding
        // no timer or wait handle, is left to the collector rather than disposed under it.
        if (ExecuteTask is null or { IsCompleted: true })
        {
            _appStopping.Dispose();
        }
    }

    private async Task ExecuteAsync(CancellationToken stoppingToken)
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

    /// <param name="appStopping">
    /// Not the run's stop: the run goes on until the channel the app left behind is empty (see <see cref="ChannelRows"/>).
    /// </param>
    private async Task RunAsync(CancellationToken appStopping)
    {
        var options = configured.Value;
        var model = live.Model;
        var store = string.IsNullOrWhiteSpace(options.ModelDirectory) ? null : new CheckpointStore(options.ModelDirectory);
        var start = Open(options, model, store);
        live.Publish(start.Weights, start.Totals.Updates);
        state.Trained(start.Totals.Examples);
        state.Set(TrainerPhase.Waiting);
        if (!await FirstExamples.ArrivedAsync(inbox, appStopping).ConfigureAwait(false))
        {
            return;
        }

        state.Set(TrainerPhase.Training);
        var sample = start.LearningRate is null
            ? await FirstExamples.SampleAsync(inbox, options.BatchWait.Value, time, appStopping).ConfigureAwait(false)
            : null;
        float learningRate = start.LearningRate ?? LearningRateEstimate.Suggest(model, sample!);

        using var abort = new CancellationTokenSource();
        var checkpoints = store is null ? null : new CheckpointWriter(store, start.Header, time, logger);
        var watcher = new RunWatcher(
            live, state, checkpoints, start.Totals, options.PublishInterval.Value, options.CheckpointInterval.Value, time, abort);
        var rows = new ChannelRows(inbox, sample, options.BatchWait.Value, time, state, appStopping);
        var environment = new TrainerEnvironment
        {
            Logger = new QuietLogger(logger),
            Time = time,
            Metrics = metrics,
            InitialWeights = start.Weights,
            Observer = watcher,
            ReplaceFailedWorkers = true,
        };

        // One epoch, the channel's life: it ends when the app completes the inbox or stops, never by budget or plateau.
        var training = options.Training with { LearningRate = learningRate, Epochs = 1, Budget = null, Stop = StopRule.Epochs };
        int classCount = model.Task == LearningTask.Regression ? 0 : options.ClassCount;
        await HybridTrainer.TrainAsync(new TrainingSet(DatasetName, rows, model.Task, classCount), model, training, environment, abort.Token)
            .ConfigureAwait(false);
        watcher.ThrowIfFailed();
    }

    /// <summary>The model from the newest checkpoint in the model directory, or a fresh one.</summary>
    private StartingPoint Open(HybridSgdOptions options, IModel model, CheckpointStore? store)
    {
        var rejected = new List<string>();
        var loaded = store?.Load(rejected);
        foreach (string problem in rejected)
        {
            LogCheckpointRejected(logger, problem);
        }

        if (loaded is { Checkpoint: var checkpoint })
        {
            if (checkpoint.Model.Model != model.Name || checkpoint.Model.FeatureCount != model.FeatureCount
                || checkpoint.Model.OutputCount != model.OutputCount || loaded.Weights.Length != model.ParameterCount)
            {
                throw new InvalidDataException(
                    $"Checkpoint '{loaded.Path}' holds a {checkpoint.Model.Model} of {checkpoint.Model.FeatureCount} features and {checkpoint.Model.OutputCount} outputs; " +
                    $"{HybridSgdOptions.SectionName} describes a {model.Name} of {model.FeatureCount} and {model.OutputCount}. Use another ModelDirectory, or move the old one away.");
            }

            LogResumed(logger, loaded.Path, checkpoint.Totals.Examples, checkpoint.Totals.Updates);
            return new StartingPoint(checkpoint.Model, loaded.Weights, checkpoint.LearningRate, checkpoint.Totals);
        }

        var header = new ModelHeader(
            model.Name, model.FeatureCount, model.OutputCount, ClassNames(options), DatasetName, (model as MlpModel)?.HiddenLayers ?? [], model.Task);
        var weights = new float[model.ParameterCount];
        model.InitializeParameters(weights, new Random(options.Training.Seed));
        return new StartingPoint(header, weights, options.Training.LearningRate, new TrainingTotals());
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
}
