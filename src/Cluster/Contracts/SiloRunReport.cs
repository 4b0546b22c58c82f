namespace HybridSgd.Cluster.Contracts;

/// <summary>What one silo's run sent and waited for, told to the parameter server when the run ends.</summary>
/// <param name="Gradients">Gradient messages pushed and answered.</param>
/// <param name="PayloadBytes">Float32 bytes of those pushes (Orleans' framing not included).</param>
/// <param name="WeightPulls">Pulls that brought weights (one per version the silo needed, for all its workers).</param>
/// <param name="PulledBytes">Float32 bytes of those pulls.</param>
/// <param name="PushSeconds">Summed time from a push's call to its answer (it answers once the update that consumed it is published).</param>
/// <param name="PullSeconds">Summed time of the pulls.</param>
/// <param name="Stopped">True when the run was stopped (budget, Ctrl+C) before its shard ran out.</param>
[GenerateSerializer]
[Immutable]
[Alias("HybridSgd.Cluster.SiloRunReport")]
public sealed record SiloRunReport(
    [property: Id(0)] long Gradients,
    [property: Id(1)] long PayloadBytes,
    [property: Id(2)] long WeightPulls,
    [property: Id(3)] long PulledBytes,
    [property: Id(4)] double PushSeconds,
    [property: Id(5)] double PullSeconds,
    [property: Id(6)] bool Stopped);
