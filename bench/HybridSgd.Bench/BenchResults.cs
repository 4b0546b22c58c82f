using HybridSgd.Bench.Micro;
using HybridSgd.Bench.Report;
using HybridSgd.Bench.Runs;

namespace HybridSgd.Bench;

/// <summary>Everything one bench run measured; a part is null when it was skipped.</summary>
internal sealed record BenchResults
{
    public required MachineInfo Machine { get; init; }

    public required BenchSettings Settings { get; init; }

    public required string Commit { get; init; }

    public required string Command { get; init; }

    public required DateTimeOffset Started { get; init; }

    public double DataLoadSeconds { get; init; }

    public MicroResult? Micro { get; init; }

    public BlockSwapResult? Swap { get; init; }

    public ThroughputResult? Throughput { get; init; }

    public ThroughputResult? MlpThroughput { get; init; }

    public AllocationResult? Allocations { get; init; }

    public TimeToAccuracyResult? Softmax { get; init; }

    public TimeToAccuracyResult? Mlp { get; init; }

    public EmbeddingResult? Embedding { get; init; }

    public double TotalSeconds { get; init; }
}
