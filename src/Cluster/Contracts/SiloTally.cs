namespace HybridSgd.Cluster.Contracts;

/// <summary>One silo's part of a job as the parameter server counted it.</summary>
/// <param name="Plan">What the silo announced (null: it never did, e.g. a test silo that only registered workers).</param>
/// <param name="Workers">Workers it registered.</param>
/// <param name="GradientsAccepted">Its gradients accepted (each applied exactly once, see <see cref="JobStatus"/>).</param>
/// <param name="ExamplesAccepted">Rows behind those gradients.</param>
/// <param name="Dead">True when membership declared the silo dead while it had live workers.</param>
/// <param name="Run">Its own report of the run (null while it runs, or if it died).</param>
[GenerateSerializer]
[Immutable]
[Alias("HybridSgd.Cluster.SiloTally")]
public sealed record SiloTally(
    [property: Id(0)] SiloAddress Silo,
    [property: Id(1)] SiloPlan? Plan,
    [property: Id(2)] int Workers,
    [property: Id(3)] long GradientsAccepted,
    [property: Id(4)] long ExamplesAccepted,
    [property: Id(5)] bool Dead,
    [property: Id(6)] SiloRunReport? Run)
{
    /// <summary>
    /// Planned gradients a dead silo never delivered: its shard's minibatches over the planned epochs that never
    /// reached the parameter server (0 for a silo that is alive; null without a plan). A message in flight when the
    /// silo died is among them; one the server had accepted is not, because it is still applied.
    /// </summary>
    public long? LostGradients => !Dead ? 0 : Plan is { } plan ? Math.Max(0, plan.PlannedGradients - GradientsAccepted) : null;

    /// <summary>Rows of the dead silo's shard (over the planned epochs) never trained on; 0 for a live silo.</summary>
    public long? LostExamples => !Dead ? 0 : Plan is { } plan ? Math.Max(0, plan.PlannedExamples - ExamplesAccepted) : null;

    /// <summary>Done: it reported its run, or it is dead (and will never report).</summary>
    public bool Settled => Dead || Run is not null;
}
