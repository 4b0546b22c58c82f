using HybridSgd.Cluster.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HybridSgd.Cluster.Silo;

/// <summary>
/// The cluster trainer of one silo (a singleton of the silo's services): joins a job by registering workers with
/// its parameter-server grain, and runs them on the silo's shard (<see cref="SiloJob.RunAsync"/>).
/// </summary>
/// <remarks>
/// It takes part in the silo's lifecycle at the <see cref="ServiceLifecycleStage.Active"/> stage, the first to
/// stop when the silo shuts down: running jobs are stopped gracefully there — their workers finish the minibatch in
/// hand, have it applied and deregister — while the silo can still make grain calls, so that k's cap drops at
/// once instead of waiting for membership to declare the silo dead.
/// </remarks>
public sealed partial class SiloTrainer : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly ILocalSiloDetails _silo;
    private readonly ClusterTrainingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SiloTrainer> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private readonly HashSet<Task> _running = [];

    public SiloTrainer(IGrainFactory grains, ILocalSiloDetails silo, IOptions<ClusterTrainingOptions> options, TimeProvider time, ILogger<SiloTrainer> logger)
    {
        _grains = grains;
        _silo = silo;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public SiloAddress Silo => _silo.SiloAddress;

    internal ILogger Logger => _logger;

    internal TimeProvider Time => _time;

    /// <summary>
    /// Registers <paramref name="workers"/> workers of this silo with job <paramref name="jobId"/> (started
    /// beforehand with <see cref="IParameterServerGrain.StartAsync"/>). The cap on k rises with them at once, so
    /// a caller that needs every silo in the first round registers all silos before any of them runs.
    /// </summary>
    public async Task<SiloJob> JoinAsync(string jobId, int workers, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var server = _grains.GetGrain<IParameterServerGrain>(jobId);
        var spec = await server.GetSpecAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<int>(workers);
        try
        {
            for (int i = 0; i < workers; i++)
            {
                ids.Add(await server.RegisterWorkerAsync(_silo.SiloAddress, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception)
        {
            // Workers left registered would hold k's cap up for gradients that never come.
            await LeaveAsync(server, ids).ConfigureAwait(false);
            throw;
        }

        LogJoined(_logger, jobId, workers, string.Join(", ", ids));
        return new SiloJob(this, jobId, server, spec, ids);
    }

    void ILifecycleParticipant<ISiloLifecycle>.Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloTrainer), ServiceLifecycleStage.Active, _ => Task.CompletedTask, StopRunsAsync);

    public void Dispose() => _stopping.Dispose();

    /// <summary>Runs one job's part on this silo, stopped gracefully (with the rest) when the silo shuts down.</summary>
    internal async Task<SiloRunResult> TrackAsync(Func<CancellationToken, Task<SiloRunResult>> run, CancellationToken stop)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, _stopping.Token);
        var task = run(linked.Token);
        lock (_gate)
        {
            _running.Add(task);
        }

        try
        {
            return await task.ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _running.Remove(task);
            }
        }
    }

    /// <summary>Deregisters <paramref name="workerIds"/>, each within the deregistration deadline.</summary>
    internal async Task LeaveAsync(IParameterServerGrain server, IEnumerable<int> workerIds)
    {
        foreach (int id in workerIds)
        {
            await DeregisterAsync(server, id).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One worker leaves the job. Its own deadline, not the run's tokens: a run that is stopping or failing must
    /// still tell the parameter server, or a sync round would wait for this worker.
    /// </summary>
    internal async Task DeregisterAsync(IParameterServerGrain server, int workerId)
    {
        using var deadline = new CancellationTokenSource(_options.DeregistrationTimeout, _time);
        await server.DeregisterWorkerAsync(workerId, deadline.Token).ConfigureAwait(false);
    }

    private async Task StopRunsAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (running.Length == 0)
        {
            return;
        }

        LogStopping(_logger, running.Length);
        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Each run's own caller receives its exception; the silo's shutdown goes on, with the failure logged.
            LogStopFailed(_logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Joined job {Job} with {Workers} workers (ids {Ids})")]
    private static partial void LogJoined(ILogger logger, string job, int workers, string ids);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo stopping: {Runs} training runs finish their minibatches and deregister")]
    private static partial void LogStopping(ILogger logger, int runs);

    [LoggerMessage(Level = LogLevel.Error, Message = "A training run failed while the silo was stopping")]
    private static partial void LogStopFailed(ILogger logger, Exception exception);
}
