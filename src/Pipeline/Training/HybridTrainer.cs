using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Observability;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Pipeline.Policies;
using HybridSgd.Pipeline.Training.Convergence;
using HybridSgd.Pipeline.Workers;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Pipeline.Training;

/// <summary>
/// The public entry point: trains a model on a <see cref="TrainingSet"/> with the data-parallel hybrid schedule
/// described by the options. Evaluation is the caller's (an <see cref="ITrainingObserver"/> in the environment).
/// </summary>
public static partial class HybridTrainer
{
    public static Task<TrainingResult> TrainAsync(
        TrainingSet data,
        IModel model,
        TrainingOptions options,
        TrainerEnvironment environment,
        CancellationToken stop) =>
        TrainAsync(data, model, ThresholdPolicyFactory.Create(options.Mode, options.Policy), options, environment, stop);

    /// <summary>As above, with a threshold policy of the caller's own instead of the configured one.</summary>
    public static async Task<TrainingResult> TrainAsync(
        TrainingSet data,
        IModel model,
        IThresholdPolicy policy,
        TrainingOptions options,
        TrainerEnvironment environment,
        CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (model.FeatureCount != data.FeatureCount)
        {
            throw new ArgumentException($"Model expects {model.FeatureCount} features, data has {data.FeatureCount}.", nameof(model));
        }

        if (model.Task != data.Task)
        {
            throw new ArgumentException($"Model '{model.Name}' is for a {model.Task} task, the data's label is {data.Task}.", nameof(model));
        }

        var logger = environment.Logger;
        int workers = options.Workers;
        var initial = new float[model.ParameterCount];
        if (environment.InitialWeights is { } start)
        {
            if (start.Length != initial.Length)
            {
                throw new ArgumentException($"The initial weights hold {start.Length} values; model '{model.Name}' has {initial.Length} parameters.", nameof(environment));
            }

            start.CopyTo(initial, 0);
        }
        else
        {
            model.InitializeParameters(initial, new Random(options.Seed));
        }

        bool untilConverged = options.Stop == StopRule.Converged;
        if (untilConverged && data.Validation is not { Count: > 0 })
        {
            throw new ArgumentException("Training:Stop Converged needs validation rows (held out of the training rows; Data:ValidationFraction).", nameof(data));
        }

        long? rows = data.Train.Count;
        int batchSize = options.BatchSize ?? TrainingOptions.AutoBatchSize(rows, workers);
        float learningRate = options.LearningRate ?? LearningRateEstimate.Suggest(model, data.Train);
        float l2 = options.L2 ?? RegularizationEstimate.Suggest(model, rows);
        var board = new WeightsBoard(initial, learningRate);
        TimeSpan? budget = options.Budget?.Value;
        long? planned = options.Epochs is { } epochs && rows is { } count ? epochs * count : null;

        using var budgetStop = budget is { } limit
            ? new CancellationTokenSource(limit, environment.Time)
            : new CancellationTokenSource();
        using var converged = new CancellationTokenSource();
        using var graphStop = CancellationTokenSource.CreateLinkedTokenSource(stop, budgetStop.Token, converged.Token);

        var progress = new ProgressMeter(environment.Time, budget, planned, environment.Progress, capIsPlannedEnd: !untilConverged);
        var schedule = new LearningRateSchedule(options.LearningRateDecay, options.FinalLearningRateFraction);
        var aggregator = new GradientAggregator(initial, board, new AggregatorSettings(
            workers,
            options.AggregatorBufferedBatches,
            policy,
            new SgdOptimizer(learningRate, l2),
            progress,
            logger,
            environment.OnUpdate,
            environment.Metrics,
            schedule,
            options.StalenessAwareStep));
        var support = new WorkerSupport(
            environment.ReplaceFailedWorkers,
            environment.ProgressiveValidation,
            environment.Metrics,
            logger,
            environment.Time,
            probeNoise: policy is AdaptiveThresholdPolicy,
            maxLocalSteps: environment.LocalSteps ?? MaxLocalSteps(rows, workers, batchSize),
            fixedLocalSteps: environment.LocalSteps is not null,
            l2: l2);
        var pool = new MinibatchPool(batchSize, data.FeatureCount);
        using var delays = environment.Cluster.Any(c => !c.IsIdeal) && environment.Time == TimeProvider.System ? new DelayScheduler(environment.Time) : null;
        var loader = new MinibatchLoader(data.Train, pool, options.Epochs, options.Shuffle, options.Seed, options.LoaderBufferedBatches);
        var graph = new TrainingGraph(
            loader,
            aggregator,
            workers,
            (id, abort) => new GradientWorker(id, model, board, aggregator.Input, pool, Simulate(environment, delays, options.Seed, id), support, abort));

        LogStarted(logger, data.Name, model.Name, options.Mode, policy.Describe(), workers, batchSize, learningRate, schedule.Describe(), l2, Describe(options, rows));
        var observation = environment.Observer is { } observer ? new ObservationLoop(observer, board, aggregator, progress) : null;

        // With validation rows the learning curve is watched in every mode: it tells the policy when to settle k.
        // Only the converged stop also lets it halve the learning rate and end the run.
        var convergence = data.Validation is { Count: > 0 } validation
            ? new ConvergenceMonitor(new Evaluator(model, validation), board, aggregator, options.Convergence, untilConverged, progress.EndsRun, environment.Time, logger)
            : null;
        using var monitorStop = new CancellationTokenSource();
        var sampling = observation?.RunAsync(environment.Time, monitorStop.Token) ?? Task.CompletedTask;
        var judging = convergence?.RunAsync(converged, monitorStop.Token) ?? Task.CompletedTask;
        try
        {
            await graph.RunAsync(graphStop.Token).ConfigureAwait(false);
        }
        finally
        {
            await monitorStop.CancelAsync().ConfigureAwait(false);
            await sampling.ConfigureAwait(false);
            await judging.ConfigureAwait(false);
        }

        double seconds = progress.Elapsed.TotalSeconds;
        var weights = aggregator.CopyWeights();
        observation?.ObserveFinal(weights);
        var statistics = aggregator.Statistics();
        var endedBy = stop.IsCancellationRequested ? RunEnd.Stopped
            : converged.IsCancellationRequested ? RunEnd.Converged
            : budgetStop.IsCancellationRequested ? RunEnd.Budget
            : RunEnd.Epochs;
        LogFinished(logger, endedBy, seconds, statistics.Examples, statistics.Updates);
        return new TrainingResult
        {
            Dataset = data.Name,
            Model = model.Name,
            Mode = options.Mode,
            Policy = policy.Describe(),
            Workers = workers,
            Seed = options.Seed,
            BatchSize = batchSize,
            LearningRate = learningRate,
            L2 = l2,
            TrainSeconds = seconds,
            EndedBy = endedBy,
            Statistics = statistics,
            SkippedRows = loader.SkippedRows,
            ThresholdChanges = aggregator.ThresholdChanges,
            Weights = weights,
            Progressive = support.Progressive.Snapshot(),
            FinalLearningRate = aggregator.LearningRate,
            DroppedMinibatches = support.DroppedMinibatches,
            ValidationLoss = convergence is { LastLoss: var loss } && double.IsFinite(loss) ? loss : null,
        };
    }

    /// <summary>
    /// The most minibatches a worker may put into one message (local steps over a slow link): a quarter of its
    /// share of an epoch, so that even then every epoch is several messages from every worker.
    /// </summary>
    private static int MaxLocalSteps(long? rows, int workers, int batchSize) =>
        rows is { } count ? (int)Math.Max(1, count / (4L * workers * batchSize)) : 1;

    private static string Describe(TrainingOptions options, long? rows)
    {
        string caps = (options.Budget, options.Epochs) switch
        {
            ({ } budget, { } epochs) => FormattableString.Invariant($", at most {budget.Value.TotalSeconds:0.##}s or {epochs} epochs"),
            ({ } budget, null) => FormattableString.Invariant($", at most {budget.Value.TotalSeconds:0.##}s"),
            (null, { } epochs) => FormattableString.Invariant($", at most {epochs} epochs"),
            _ => "",
        };
        string stop = options.Stop switch
        {
            StopRule.Converged => "until converged",
            StopRule.Budget => "for the budget",
            _ => "for the epochs",
        };
        return FormattableString.Invariant($"{stop}{caps}, {rows?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "an unknown number of"} training rows");
    }

    private static SimulatedConditions? Simulate(TrainerEnvironment environment, DelayScheduler? delays, int seed, int worker)
    {
        var condition = worker < environment.Cluster.Count ? environment.Cluster[worker] : WorkerCondition.Ideal;
        if (condition.IsIdeal)
        {
            return null;
        }

        // Jitter is seeded per worker, so a seed replays the same delays (up to thread scheduling).
        // Real waits on the system clock go through the 1 ms scheduler (Task.Delay has a 4 ms floor here); on any
        // other clock (a test's fake one) the clock's own timers are the waits.
        Func<TimeSpan, CancellationToken, Task> delay = delays is not null ? delays.DelayAsync : (wait, token) => Task.Delay(wait, environment.Time, token);
        return new SimulatedConditions(condition, delay, environment.Time, new Random(unchecked((seed * 7919) + worker)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training {Model} on {Dataset}: mode {Mode}, policy {Policy}, {Workers} workers, batch {BatchSize}, learning rate {LearningRate} ({Schedule}), L2 {L2}, {Stop}")]
    private static partial void LogStarted(ILogger logger, string dataset, string model, TrainingMode mode, string policy, int workers, int batchSize, float learningRate, string schedule, float l2, string stop);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training ended ({EndedBy}) after {Seconds:F2}s: {Examples} examples, {Updates} updates")]
    private static partial void LogFinished(ILogger logger, RunEnd endedBy, double seconds, long examples, long updates);
}
