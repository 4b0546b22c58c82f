namespace HybridSgd.Cluster.Contracts;

/// <summary>The parameter server's answer to a gradient, sent once the update that consumed it is published.</summary>
[GenerateSerializer]
[Immutable]
[Alias("HybridSgd.Cluster.PushReceipt")]
public sealed record PushReceipt
{
    /// <summary>Version of the update that consumed the gradient (for a duplicate: the version published when it was refused).</summary>
    [Id(0)]
    public long AppliedVersion { get; init; }

    /// <summary>
    /// The latest published weights version when the answer left: a silo whose copy is older pulls once, whatever
    /// the number of its workers (an update refused as non-finite consumes gradients but publishes nothing).
    /// </summary>
    [Id(1)]
    public long PublishedVersion { get; init; }

    /// <summary>The k in force when the answer left.</summary>
    [Id(2)]
    public int Threshold { get; init; }

    /// <summary>True when (worker, sequence) had been received before: this copy was not applied.</summary>
    [Id(3)]
    public bool Duplicate { get; init; }
}
