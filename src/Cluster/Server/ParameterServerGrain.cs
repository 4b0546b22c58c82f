using HybridSgd.Cluster.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace HybridSgd.Cluster.Server;

/// <summary>
/// The grain face of a job's <see cref="ParameterServer"/>: one activation per job id, on whichever silo Orleans
/// places it.
/// </summary>
/// <remarks>
/// Reentrant, because a push answers only when the update that consumes it is published, and with k &gt; 1 that
/// update needs the pushes of other workers, which a non-reentrant grain would queue behind the first: a sync
/// round would deadlock. Interleaving is safe: state changes happen in the synchronous stretches between awaits,
/// and the aggregator guards its own state with its lock.
///
/// PreferLocalPlacement: the job lives on the silo that starts it (the coordinator of <c>train --cluster</c>), so
/// that which silo holds the weights is known, and the other silos' loss costs no weights. That holds because the
/// others wait on <see cref="IJobBoardGrain"/>, not on this grain, until it has started.
/// </remarks>
[Reentrant]
[Orleans.Placement.PreferLocalPlacement]
internal sealed partial class ParameterServerGrain(
    ILocalSiloDetails localSilo,
    IClusterMembershipService membership,
    IOptions<ClusterTrainingOptions> options,
    TimeProvider time,
    ILogger<ParameterServerGrain> logger) : Grain, IParameterServerGrain
{
    private ParameterServer? _server;
    private IGrainTimer? _membershipWatch;

    public Task StartAsync(JobSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        cancellationToken.ThrowIfCancellationRequested();
        if (_server is not null)
        {
            throw new InvalidOperationException($"Job '{this.GetPrimaryKeyString()}' has started already.");
        }

        _server = new ParameterServer(spec, logger, time);
        var interval = options.Value.MembershipCheckInterval;

        // KeepAlive: a job's weights live only in this activation, which must not be collected as idle while
        // workers are between messages. The watch ends with the job (see WatchMembershipAsync).
        _membershipWatch = this.RegisterGrainTimer(WatchMembershipAsync, new GrainTimerCreationOptions(interval, interval) { Interleave = true, KeepAlive = true });
        LogStarted(logger, this.GetPrimaryKeyString(), spec.ParameterCount, spec.Schedule, spec.MaxWorkers, localSilo.SiloAddress);
        return Task.CompletedTask;
    }

    public Task<JobSpec> GetSpecAsync(CancellationToken cancellationToken) => Task.FromResult(Server.Spec);

    public Task<int> RegisterWorkerAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Server.Register(silo));
    }

    public Task DeregisterWorkerAsync(int workerId, CancellationToken cancellationToken)
    {
        Server.Deregister(workerId);
        return Task.CompletedTask;
    }

    public Task<PushReceipt> PushAsync(GradientPayload gradient, CancellationToken cancellationToken) =>
        Server.PushAsync(gradient, cancellationToken);

    public Task<WeightsReply> PullAsync(long knownVersion, CancellationToken cancellationToken) =>
        Task.FromResult(Server.Pull(knownVersion));

    public Task PlanSiloAsync(SiloAddress silo, SiloPlan plan, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Server.Plan(silo, plan);
        return Task.CompletedTask;
    }

    public Task ReportRunAsync(SiloAddress silo, SiloRunReport report, CancellationToken cancellationToken)
    {
        Server.Reported(silo, report);
        return Task.CompletedTask;
    }

    public Task<JobStatus> GetStatusAsync(CancellationToken cancellationToken) => Task.FromResult(Server.Status());

    public Task<SiloAddress> GetHostAsync(CancellationToken cancellationToken) => Task.FromResult(localSilo.SiloAddress);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_server is { Completed: false })
        {
            // Nothing persists the weights yet (checkpoints are a later step): say so rather than vanish quietly.
            LogDeactivatedMidJob(logger, this.GetPrimaryKeyString(), reason.ToString());
        }

        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    private ParameterServer Server => _server ?? throw new InvalidOperationException($"Job '{this.GetPrimaryKeyString()}' has not been started (IParameterServerGrain.StartAsync).");

    /// <summary>A silo that was killed never deregisters its workers: membership declaring it dead is what retires them.</summary>
    private Task WatchMembershipAsync(CancellationToken cancellationToken)
    {
        if (_server is not { } server)
        {
            return Task.CompletedTask;
        }

        var snapshot = membership.CurrentSnapshot;
        foreach (var watched in server.WatchedSilos())
        {
            // Only Dead: a silo missing from this silo's view may simply be newer than the view.
            if (snapshot.GetSiloStatus(watched) == SiloStatus.Dead)
            {
                server.RetireSilo(watched);
            }
        }

        if (server.Completed)
        {
            _membershipWatch?.Dispose();
            _membershipWatch = null;
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} started: {Parameters} parameters, schedule {Schedule}, at most {MaxWorkers} workers, weights on silo {Silo}")]
    private static partial void LogStarted(ILogger logger, string job, int parameters, ClusterSchedule schedule, int maxWorkers, SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} deactivated before it completed ({Reason}): its weights are lost")]
    private static partial void LogDeactivatedMidJob(ILogger logger, string job, string reason);
}
