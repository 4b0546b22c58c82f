using HybridSgd.Pipeline.Policies;

namespace HybridSgd.Cluster.Contracts;

/// <summary>The wire form of the Pipeline's <see cref="NoiseProbe"/> (which has no Orleans codec of its own).</summary>
[GenerateSerializer]
[Immutable]
[Alias("HybridSgd.Cluster.NoiseSample")]
public readonly record struct NoiseSample(
    [property: Id(0)] double SmallBatch,
    [property: Id(1)] double SmallSquaredNorm,
    [property: Id(2)] double BigBatch,
    [property: Id(3)] double BigSquaredNorm)
{
    public static NoiseSample None { get; } = From(NoiseProbe.None);

    public static NoiseSample From(NoiseProbe probe) => new(probe.SmallBatch, probe.SmallSquaredNorm, probe.BigBatch, probe.BigSquaredNorm);

    public NoiseProbe ToProbe() => new(SmallBatch, SmallSquaredNorm, BigBatch, BigSquaredNorm);
}
