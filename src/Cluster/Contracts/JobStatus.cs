namespace HybridSgd.Cluster.Contracts;

/// <summary>A consistent copy of a parameter server's counters: what the job did and where it stands.</summary>
[GenerateSerializer]
[Immutable]
[Alias("HybridSgd.Cluster.JobStatus")]
public sealed record JobStatus
{
    /// <summary>True once every registered worker has retired and the last update is applied.</summary>
    [Id(0)]
    public bool Completed { get; init; }

    /// <summary>Workers ever registered (the next id).</summary>
    [Id(1)]
    public int RegisteredWorkers { get; init; }

    /// <summary>Workers registered and not retired: the cap on k.</summary>
    [Id(2)]
    public int LiveWorkers { get; init; }

    [Id(3)]
    public int Threshold { get; init; }

    /// <summary>Published versions (updates applied; refused non-finite updates publish nothing).</summary>
    [Id(4)]
    public long Updates { get; init; }

    /// <summary>Gradient messages accepted (not duplicates), from all workers of all silos.</summary>
    [Id(5)]
    public long GradientsAccepted { get; init; }

    /// <summary>Gradients consumed by updates, as the aggregator counted them.</summary>
    [Id(6)]
    public long GradientsApplied { get; init; }

    /// <summary>Gradients consumed, as the exactly-once ledger counted them by (worker, sequence).</summary>
    [Id(7)]
    public long GradientsLedgered { get; init; }

    /// <summary>Messages refused because their (worker, sequence) had been received already.</summary>
    [Id(8)]
    public long DuplicatesRefused { get; init; }

    /// <summary>(worker, sequence) pairs consumed by more than one update: always 0 unless the aggregator is broken.</summary>
    [Id(9)]
    public long DuplicateApplications { get; init; }

    /// <summary>Sequence numbers that never arrived (a worker's message lost on the way).</summary>
    [Id(10)]
    public long SequenceGaps { get; init; }

    /// <summary>Workers retired because membership declared their silo dead, not by their own deregistration.</summary>
    [Id(11)]
    public int LostWorkers { get; init; }

    [Id(12)]
    public long Examples { get; init; }

    [Id(13)]
    public long SkippedUpdates { get; init; }

    [Id(14)]
    public IReadOnlyList<ThresholdStep> ThresholdSteps { get; init; } = [];

    /// <summary>Weight pulls answered with the weights (a changed version), and answered with "unchanged".</summary>
    [Id(15)]
    public long PullsWithWeights { get; init; }

    [Id(16)]
    public long PullsUnchanged { get; init; }

    /// <summary>Every silo that registered workers or announced a plan, in the order they first did.</summary>
    [Id(17)]
    public IReadOnlyList<SiloTally> Silos { get; init; } = [];

    /// <summary>Gradients the dead silos never delivered (see <see cref="SiloTally.LostGradients"/>); null when a dead silo had no plan.</summary>
    public long? LostGradients => Silos.Aggregate((long?)0, (sum, silo) => sum + silo.LostGradients);
}
