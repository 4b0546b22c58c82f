namespace HybridSgd.Cluster.Contracts;

/// <summary>
/// The parameter server of one training job (the grain's key is the job id): the only writer of the weights,
/// running the Pipeline's aggregator — the batch block of size k that the threshold policy retunes live — over
/// the gradients of every worker of every silo.
/// </summary>
public interface IParameterServerGrain : IGrainWithStringKey
{
    /// <summary>Builds the job's aggregator from <paramref name="spec"/>; a job starts once.</summary>
    Task StartAsync(JobSpec spec, CancellationToken cancellationToken);

    /// <summary>The spec the job was started with (a silo reads the parameter count, L2 and schedule from it).</summary>
    Task<JobSpec> GetSpecAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Registers a worker of <paramref name="silo"/> and returns its cluster-wide id. The cap on k rises with it;
    /// the silo is watched, so that its workers drop out of the cap if membership declares it dead.
    /// </summary>
    Task<int> RegisterWorkerAsync(SiloAddress silo, CancellationToken cancellationToken);

    /// <summary>The worker sends no more gradients (its shard ran out, or its silo is stopping): the cap on k drops.</summary>
    Task DeregisterWorkerAsync(int workerId, CancellationToken cancellationToken);

    /// <summary>
    /// Hands a gradient to the aggregator and answers once the update that consumed it is published. A gradient
    /// whose (worker, sequence) was received before is refused, not applied twice.
    /// </summary>
    Task<PushReceipt> PushAsync(GradientPayload gradient, CancellationToken cancellationToken);

    /// <summary>The latest weights, or just their version when <paramref name="knownVersion"/> is already the latest.</summary>
    Task<WeightsReply> PullAsync(long knownVersion, CancellationToken cancellationToken);

    /// <summary>
    /// What <paramref name="silo"/> means to contribute (before its workers register), so that the report can say what
    /// was lost if it dies.
    /// </summary>
    Task PlanSiloAsync(SiloAddress silo, SiloPlan plan, CancellationToken cancellationToken);

    /// <summary>The silo's own account of its run (bytes, pulls, latencies), once its workers have deregistered.</summary>
    Task ReportRunAsync(SiloAddress silo, SiloRunReport report, CancellationToken cancellationToken);

    Task<JobStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>The silo the job's weights live on now (which silo losing would lose them).</summary>
    Task<SiloAddress> GetHostAsync(CancellationToken cancellationToken);
}
