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
/// The public entry point: trains <paramref name="model"/> on <paramref name="data"/> with the data-parallel
/// hybrid schedule described by <paramref name="options"/>, scoring the test set as it goes.
/// </summary>
public static partial class HybridTrainer
{
    public static Task<TrainingResult> TrainAsync(
        TrainingData data,
        IModel model,
        TrainingOptions options,
        TrainerEnvironment environment,
        CancellationToken stop) =>
        TrainAsync(data, model, ThresholdPolicyFactory.Create(options.Mode, options.Policy), options, environment, stop);

    /// <summary>As above, with a threshold policy of the caller's own instead of the configured one.</summary>
    public static async Task<TrainingResult> TrainAsync(
        TrainingData data,
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

        long? rows = data.TrainInMemory?.Count ?? data.Train.GetRowCount();
        int batchSize = options.BatchSize ?? TrainingOptions.AutoBatchSize(rows, workers);
        float learningRate = options.LearningRate
            ?? (data.TrainInMemory is { } inMemory ? LearningRateEstimate.Suggest(model, inMemory) : LearningRateEstimate.Default);
        var board = new WeightsBoard(initial, learningRate);
        TimeSpan? budget = options.Budget?.Value;
        long? planned = options.Epochs is { } epochs && rows is { } count ? epochs * count : null;

        using var budgetStop = budget is { } limit
            ? new CancellationTokenSource(limit, environment.Time)
            : new CancellationTokenSource();
        using var converged = new CancellationTokenSource();
        using var graphStop = CancellationTokenSource.CreateLinkedTokenSource(stop, budgetStop.Token, converged.Token);

        var progress = new ProgressMeter(environment.Time, budget, planned, environment.Progress);
        var schedule = new LearningRateSchedule(options.LearningRateDecay, options.FinalLearningRateFraction);
        var aggregator = new GradientAggregator(initial, board, new AggregatorSettings(
            workers,
            options.AggregatorBufferedBatches,
            policy,
            new SgdOptimizer(learningRate, options.L2),
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
            probeNoise: policy is AdaptiveThresholdPolicy,
            maxLocalSteps: environment.LocalSteps ?? MaxLocalSteps(rows, workers, batchSize),
            fixedLocalSteps: environment.LocalSteps is not null,
            l2: options.L2);
        var pool = new MinibatchPool(batchSize, data.FeatureCount);
        using var delays = environment.Cluster.Any(c => !c.IsIdeal) ? new DelayScheduler() : null;
        var loader = new MinibatchLoader(
            data.Ml, data.Train, pool, options.Epochs, options.Shuffle, options.Seed, options.LoaderBufferedBatches, data.TrainInMemory);
        var graph = new TrainingGraph(
            loader,
            aggregator,
            workers,
            (id, abort) => new GradientWorker(id, model, board, aggregator.Input, pool, Simulate(environment, delays, options.Seed, id), support, abort));

        LogStarted(logger, data.Name, model.Name, options.Mode, policy.Describe(), workers, batchSize, learningRate, schedule.Describe(), Describe(options, rows));
        var monitor = new TrainingMonitor(new Evaluator(model, data.Test), board, aggregator, progress, logger, environment.Metrics);
        // With validation rows the learning curve is watched in every mode: it tells the policy when to settle k.
        // Only the converged stop also lets it halve the learning rate and end the run.
        var convergence = data.Validation is { Count: > 0 } validation
            ? new ConvergenceMonitor(new Evaluator(model, validation), board, aggregator, options.Convergence, untilConverged, environment.Time, logger)
            : null;
        using var monitorStop = new CancellationTokenSource();
        var sampling = monitor.RunAsync(options.EvaluationInterval.Value, environment.Time, monitorStop.Token);
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
        var finalPoint = monitor.Sample(weights);
        var endedBy = stop.IsCancellationRequested ? RunEnd.Stopped
            : converged.IsCancellationRequested ? RunEnd.Converged
            : budgetStop.IsCancellationRequested ? RunEnd.Budget
            : RunEnd.Epochs;
        LogFinished(logger, endedBy, seconds, Describe(monitor.LastEvaluation!), finalPoint.Updates);
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
            TrainSeconds = seconds,
            EndedBy = endedBy,
            Statistics = aggregator.Statistics(),
            SkippedRows = loader.SkippedRows,
            Test = monitor.LastEvaluation!,
            Metrics = MlNetMetrics.Evaluate(data.Ml, model, weights, data.Test, data.ClassCount),
            Task = data.Task,
            Curve = monitor.Curve,
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
        if (condition.IsIdeal || delays is null)
        {
            return null;
        }

        // Jitter is seeded per worker, so a seed replays the same delays (up to thread scheduling).
        return new SimulatedConditions(condition, delays.DelayAsync, TimeProvider.System, new Random(unchecked((seed * 7919) + worker)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training {Model} on {Dataset}: mode {Mode}, policy {Policy}, {Workers} workers, batch {BatchSize}, learning rate {LearningRate} ({Schedule}), {Stop}")]
    private static partial void LogStarted(ILogger logger, string dataset, string model, TrainingMode mode, string policy, int workers, int batchSize, float learningRate, string schedule, string stop);

    private static string Describe(EvaluationResult test) => test.Rmse is { } rmse
        ? FormattableString.Invariant($"test RMSE {rmse:G5}")
        : FormattableString.Invariant($"test accuracy {test.Accuracy:F4}, log-loss {test.LogLoss:F4}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Training ended ({EndedBy}) after {Seconds:F2}s: {Test}, {Updates} updates")]
    private static partial void LogFinished(ILogger logger, RunEnd endedBy, double seconds, string test, long updates);
}
