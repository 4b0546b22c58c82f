using System.Text.Json;
using HybridSgd.Host.Baselines;
using HybridSgd.Host.Data;
using HybridSgd.Host.Jobs;
using HybridSgd.Host.Options;
using HybridSgd.Host.Reports;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Persistence;
using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace HybridSgd.Host.Compare;

/// <summary>
/// The <c>compare</c> verb: every method on the same split, budget, scenario and seeds, each run a fresh model;
/// then compare.json, summary.md, and the chart as compare.png and compare.svg. Methods are interleaved within each
/// seed so that slow drifts of a noisy machine spread over all methods rather than landing on one.
/// </summary>
internal sealed partial class CompareJob(
    IOptions<TrainingOptions> training,
    IOptions<CompareOptions> compare,
    IOptions<SimulationOptions> simulation,
    IOptions<DataOptions> data,
    IOptions<ModelOptions> model,
    IOptions<OutputOptions> output,
    CommandLineText commandLine,
    ILogger<CompareJob> logger,
    TimeProvider time) : IJob
{
    private const string RampMethod = "hybrid";
    private const string AdaptiveMethod = "adaptive";

    public async Task RunAsync(CancellationToken stop)
    {
        var settings = compare.Value;
        var methods = settings.MethodList();
        if (methods.Contains(RampMethod) && training.Value.Budget is null && training.Value.Epochs is null)
        {
            throw new SettingsConflictException(
                $"{CompareOptions.SectionName}:Methods has '{RampMethod}', a schedule over the budget or epochs, and neither {TrainingOptions.SectionName}:Budget nor {TrainingOptions.SectionName}:Epochs is set: add --budget 20s (or drop '{RampMethod}').");
        }

        TrainingRun.CheckStop(training.Value, data.Value);
        var split = DatasetCatalog.Load(new MLContext(training.Value.Seed), data.Value, training.Value.Seed);
        var runs = methods.ToDictionary(m => m, _ => new List<RunReport>());
        var seeds = Enumerable.Range(training.Value.Seed, settings.Seeds).ToArray();
        var cluster = Scenarios.Resolve(simulation.Value, training.Value.Workers);
        foreach (int seed in seeds)
        {
            foreach (string method in methods)
            {
                if (stop.IsCancellationRequested)
                {
                    break;
                }

                LogRunStarting(logger, method, seed, Array.IndexOf(seeds, seed) + 1, seeds.Length);
                runs[method].Add(method == SdcaBaseline.Method
                    ? await RunSdcaAsync(split, seed, stop).ConfigureAwait(false)
                    : await RunSgdAsync(split, method, seed, cluster, stop).ConfigureAwait(false));
            }
        }

        Write(BuildReport(split, methods, seeds, runs));
    }

    private async Task<RunReport> RunSgdAsync(LoadedData split, string method, int seed, IReadOnlyList<WorkerCondition> cluster, CancellationToken stop)
    {
        var options = OptionsFor(method, seed);
        var net = model.Value.Create(split.Task, split.FeatureCount, split.ClassCount);
        var curve = new TestSetObserver(net, split.Test, options.EvaluationInterval.Value, logger);
        var environment = new TrainerEnvironment { Logger = logger, Time = time, Cluster = cluster, Observer = curve };
        var result = await HybridTrainer.TrainAsync(split.ForTraining(), net, options, environment, stop).ConfigureAwait(false);
        var metrics = MlNetMetrics.Evaluate(split.Ml, net, result.Weights, split.Test, split.ClassCount);
        return RunReport.From(result, split.Task, metrics, curve.Curve, options, simulation.Value.Scenario, "", time.GetUtcNow());
    }

    /// <summary>
    /// sync and async as named; hybrid is the configured progress schedule (the linear ramp when the configured
    /// policy is the adaptive one, which is its own method): the paper's fixed ramp beside the adaptive policy.
    /// </summary>
    private TrainingOptions OptionsFor(string method, int seed)
    {
        var configured = training.Value;
        return configured with
        {
            Mode = method is RampMethod or AdaptiveMethod ? TrainingMode.Hybrid : Enum.Parse<TrainingMode>(method, ignoreCase: true),
            Seed = seed,
            EvaluationInterval = compare.Value.EvaluationInterval,
            Policy = method switch
            {
                AdaptiveMethod => configured.Policy with { Kind = ThresholdPolicyKind.Adaptive },
                RampMethod when configured.Policy.Kind == ThresholdPolicyKind.Adaptive => configured.Policy with { Kind = ThresholdPolicyKind.Linear },
                _ => configured.Policy,
            },
        };
    }

    private async Task<RunReport> RunSdcaAsync(LoadedData split, int seed, CancellationToken stop)
    {
        var result = await new SdcaBaseline(logger, time).RunAsync(split, seed, TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
        return RunReport.FromBaseline(split.Name, split.Task, SdcaBaseline.Method, result, seed, time.GetUtcNow());
    }

    private CompareReport BuildReport(LoadedData split, IReadOnlyList<string> methods, int[] seeds, Dictionary<string, List<RunReport>> runs)
    {
        double? sdca = runs.TryGetValue(SdcaBaseline.Method, out var baseline) && baseline.Count > 0
            ? baseline.Average(r => r.Score())
            : null;
        var t = training.Value;
        var hybrid = Pipeline.Policies.ThresholdPolicyFactory.Create(TrainingMode.Hybrid, OptionsFor(RampMethod, t.Seed).Policy).Describe();
        var settings = new CompareReport.RunSettings(
            split.Name, ModelName(split), simulation.Value.Scenario, t.Workers, BatchSize(runs), LearningRate(runs), hybrid,
            t.Budget?.Value.TotalSeconds, t.Epochs, seeds, methods, commandLine.Text, RunReport.TaskName(split.Task));
        var perMethod = methods
            .Where(m => runs[m].Count > 0)
            .Select(m => new CompareReport.MethodRuns(MethodSummary.Of(m, runs[m], sdca, compare.Value.TargetList()), runs[m]))
            .ToArray();
        return new CompareReport(settings, sdca, perMethod);
    }

    /// <summary>The minibatch the runs used (configured, or chosen for the data's size), 0 if only baselines ran.</summary>
    private static int BatchSize(Dictionary<string, List<RunReport>> runs) =>
        runs.Values.SelectMany(r => r).Select(r => r.BatchSize).FirstOrDefault(b => b > 0);

    /// <summary>The learning rate the runs started with (configured, or estimated from the data).</summary>
    private static float LearningRate(Dictionary<string, List<RunReport>> runs) =>
        runs.Values.SelectMany(r => r).Select(r => r.LearningRate).FirstOrDefault(rate => rate > 0);

    private string ModelName(LoadedData split) => model.Value.Create(split.Task, split.FeatureCount, split.ClassCount).Name;

    private void Write(CompareReport report)
    {
        string directory = Path.GetFullPath(output.Value.Directory);
        AtomicFile.Write(Path.Combine(directory, "compare.json"), stream => JsonSerializer.Serialize(stream, report, ReportFile.Json));
        string summary = SummaryMarkdown.Render(report);
        AtomicFile.Write(Path.Combine(directory, "summary.md"), stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(summary)));
        var chart = ComparisonChartBuilder.Build(report, compare.Value.EvaluationInterval.Value.TotalSeconds);
        AtomicFile.Write(Path.Combine(directory, "compare.png"), stream => stream.Write(ChartFigure.Png(chart)));
        AtomicFile.Write(Path.Combine(directory, "compare.svg"), stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(ChartFigure.Svg(chart))));
        LogWritten(logger, directory);

        // The table is the point of the command: show it as written, not folded into one log line.
        Console.Out.Write(summary);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Compare: {Method}, seed {Seed} (run {Index}/{Count} of this method)")]
    private static partial void LogRunStarting(ILogger logger, string method, int seed, int index, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote compare.json, summary.md, compare.png and compare.svg to {Directory}")]
    private static partial void LogWritten(ILogger logger, string directory);
}
