using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace HybridSgd.Bench.Micro;

/// <summary>
/// Runs the BenchmarkDotNet micro-benchmarks in this process (in-process toolchain: no per-benchmark project
/// build, and every row measured by the same process on the same machine state, one after another), with the
/// memory diagnoser for allocations per operation.
/// </summary>
internal static class MicroSuite
{
    public static MicroResult Run(string artifactsPath, bool quick)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 1 : 5)
            .WithIterationCount(quick ? 3 : 15)
            .WithId("in-process");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Median)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(artifactsPath)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<HotPathBenchmarks>(config);
        var logger = new AccumulationLogger();
        MarkdownExporter.GitHub.ExportToLog(summary, logger);
        return new MicroResult(Rows(summary), logger.GetLog());
    }

    private static IReadOnlyList<MicroRow> Rows(Summary summary) => summary.Reports
        .Where(r => r.ResultStatistics is not null)
        .Select(r => new MicroRow(
            (string)r.BenchmarkCase.Parameters[nameof(HotPathBenchmarks.Model)],
            r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
            r.ResultStatistics!.Median / 1000.0,
            r.ResultStatistics.StandardDeviation / 1000.0,
            r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase)))
        .ToArray();
}

/// <param name="MedianMicroseconds">Median time of one operation.</param>
/// <param name="AllocatedBytes">Managed bytes allocated per operation (null if the diagnoser could not tell).</param>
internal sealed record MicroRow(string Model, string Benchmark, double MedianMicroseconds, double StandardDeviationMicroseconds, long? AllocatedBytes);

internal sealed record MicroResult(IReadOnlyList<MicroRow> Rows, string BenchmarkDotNetTable)
{
    public MicroRow Get(string model, string benchmark) => Rows.Single(r => r.Model == model && r.Benchmark == benchmark);
}
