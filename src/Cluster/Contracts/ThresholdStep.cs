namespace HybridSgd.Cluster.Contracts;

/// <summary>One change of k at the parameter server.</summary>
/// <param name="Seconds">Seconds since the job started.</param>
/// <param name="CapMoved">True when workers joining or retiring moved the cap on k; false when the policy chose.</param>
[GenerateSerializer]
[Immutable]
[Alias("HybridSgd.Cluster.ThresholdStep")]
public sealed record ThresholdStep(
    [property: Id(0)] double Seconds,
    [property: Id(1)] int OldThreshold,
    [property: Id(2)] int NewThreshold,
    [property: Id(3)] bool CapMoved);
