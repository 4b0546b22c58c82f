namespace HybridSgd.Cluster.Contracts;

/// <summary>
/// A versioned pull: the weights only when they changed since the version the caller already holds, so a worker
/// that is up to date costs a few bytes, not a model.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("HybridSgd.Cluster.WeightsReply")]
public sealed record WeightsReply
{
    /// <summary>The version of the latest published weights.</summary>
    [Id(0)]
    public long Version { get; init; }

    /// <summary>The step size in force with them (local steps walk with it).</summary>
    [Id(1)]
    public float LearningRate { get; init; }

    /// <summary>Little-endian float32 weights, or empty when the caller's version is the latest.</summary>
    [Id(2)]
    public byte[] Values { get; init; } = [];

    public bool Changed => Values.Length > 0;
}
