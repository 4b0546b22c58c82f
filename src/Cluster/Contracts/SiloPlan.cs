namespace HybridSgd.Cluster.Contracts;

/// <summary>
/// What one silo means to contribute to a job, told to the parameter server before its workers register: with it
/// the server can say, if membership declares the silo dead, how much of its shard was never trained on.
/// </summary>
/// <param name="SiloIndex">The silo's shard index (0 … silos − 1).</param>
/// <param name="PlannedGradients">Gradient messages its shard makes over the planned epochs (one minibatch each).</param>
/// <param name="PlannedExamples">Rows of its shard times the planned epochs.</param>
[GenerateSerializer]
[Immutable]
[Alias("HybridSgd.Cluster.SiloPlan")]
public sealed record SiloPlan(
    [property: Id(0)] int SiloIndex,
    [property: Id(1)] long PlannedGradients,
    [property: Id(2)] long PlannedExamples);
