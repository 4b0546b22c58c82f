using System.Diagnostics;
using System.Globalization;
using HybridSgd.Bench;
using HybridSgd.Bench.Data;
using HybridSgd.Bench.Micro;
using HybridSgd.Bench.Report;
using HybridSgd.Bench.Runs;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Models;

// hybridsgd benchmarks: micro-benchmarks (BenchmarkDotNet) and whole runs (time to accuracy, throughput,
// allocations, block swap), every comparison measured in this one process, written as docs/BENCHMARKS.md.
// Usage: dotnet run --project bench/HybridSgd.Bench -c Release -- [--out FILE] [--quick] [--skip micro,lightgbm,...]
//        [--commit TEXT] [--command TEXT] [--artifacts DIR] [--data-dir DIR] (--help lists them all)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var arguments = BenchArguments.Parse(args, out int exitCode);
if (arguments is null)
{
    return exitCode;
}

var settings = arguments.Settings;
var clock = Stopwatch.StartNew();
void Log(string line) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,7:F1}s] {line}");

var started = DateTimeOffset.UtcNow;
var machine = MachineInfo.Current();
Log($"{machine.Cpu}, {machine.Cores} cores, {machine.Runtime}, tiered compilation {(machine.TieredCompilation ? "on" : "off")}");

MicroResult? micro = null;
if (settings.RunMicro && arguments.Runs("micro"))
{
    Log("micro-benchmarks (BenchmarkDotNet)…");
    micro = MicroSuite.Run(Path.Combine(arguments.Artifacts, "BenchmarkDotNet.Artifacts"), arguments.Quick);
}

Log("loading Fashion-MNIST…");
var data = BenchData.Load(arguments.DataDirectory);
Log($"loaded in {data.LoadSeconds:F1}s: {data.TrainDense.Count} training rows, {data.Test.Count} test rows");

if (arguments.Runs(BenchArguments.Profile))
{
    var profiled = await PipelineRunner.RunAsync(
        data, ModelFactory.Create(ModelFactory.Softmax, data.Training.FeatureCount, data.Training.ClassCount), settings, TrainingMode.Async,
        settings.Workers, settings.SoftmaxLearningRate, seed: 1, TimeSpan.FromSeconds(15), null, TimeSpan.FromHours(1));
    Log($"profile run: {profiled.ExamplesPerSecond():F0} examples/s, mean staleness {profiled.Statistics.MeanStaleness:F2}");
    return 0;
}

BlockSwapResult? swap = null;
if (arguments.Runs("swap"))
{
    swap = BlockSwapBenchmark.Run(settings);
    Log($"block swap: median {swap.Carrying.Median:F1} µs, p99 {swap.Carrying.P99:F1} µs, max {swap.Carrying.Max:F1} µs ({swap.Carrying.Carried} carried)");
}

ThroughputResult? throughput = null;
ThroughputResult? mlpThroughput = null;
if (arguments.Runs("throughput"))
{
    throughput = await ThroughputBenchmark.RunAsync(
        data, settings, ModelFactory.Softmax, settings.SoftmaxLearningRate, [settings.Workers, .. settings.OversubscribedWorkers], settings.ThroughputRounds, Log);
    mlpThroughput = await ThroughputBenchmark.RunAsync(
        data, settings, ModelFactory.Mlp, settings.MlpLearningRate, [settings.Workers], settings.MlpThroughputRounds, Log);
}

AllocationResult? allocations = null;
if (arguments.Runs("alloc"))
{
    allocations = await AllocationBenchmark.RunAsync(data, settings, Log);
}

TimeToAccuracyResult? softmax = null;
if (arguments.Runs("softmax"))
{
    softmax = await TimeToAccuracyBenchmark.SoftmaxVersusSdcaAsync(data, settings, Log);
}

TimeToAccuracyResult? mlp = null;
if (settings.RunLightGbm && arguments.Runs("lightgbm"))
{
    mlp = await TimeToAccuracyBenchmark.MlpVersusLightGbmAsync(data, settings, Log);
}

EmbeddingResult? embedding = null;
if (arguments.Runs("embedding"))
{
    embedding = await EmbeddingBenchmark.RunAsync(data, settings, Log);
}

var results = new BenchResults
{
    Machine = machine,
    Settings = settings,
    Commit = arguments.Commit,
    Command = arguments.Command,
    Started = started,
    DataLoadSeconds = data.LoadSeconds,
    Micro = micro,
    Swap = swap,
    Throughput = throughput,
    MlpThroughput = mlpThroughput,
    Allocations = allocations,
    Softmax = softmax,
    Mlp = mlp,
    Embedding = embedding,
    TotalSeconds = clock.Elapsed.TotalSeconds,
};

var targets = Targets.From(results);
foreach (var target in targets)
{
    Log($"{(target.Met ? "MET   " : "MISSED")} {target.Name}: {target.ValueText} (target {target.LimitText})");
}

string? directory = Path.GetDirectoryName(Path.GetFullPath(arguments.Output));
if (directory is not null)
{
    Directory.CreateDirectory(directory);
}

await File.WriteAllTextAsync(arguments.Output, MarkdownReport.Write(results, targets, arguments.NotesFiles));
Log($"wrote {arguments.Output}");
return 0;
