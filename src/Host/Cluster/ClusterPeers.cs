using HybridSgd.Cluster.Contracts;

namespace HybridSgd.Host.Cluster;

/// <summary>
/// The waits of a cluster run on the other silos, each read from the parameter server's state and each bounded by
/// <c>Cluster:PeerTimeout</c>: a silo that never comes is an error naming what was missing, not a hang.
/// </summary>
/// <remarks>
/// Polling, not a subscription: these waits happen once at the start and once at the end of a run, a few calls a
/// second at most, and the grain stays the one place that knows (no second channel to keep consistent with it).
/// </remarks>
internal sealed class ClusterPeers(IParameterServerGrain server, IJobBoardGrain board, ClusterOptions options, TimeProvider time)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Until the coordinator (silo 0) has started the job.</summary>
    public Task WaitStartedAsync(CancellationToken cancellationToken) =>
        WaitAsync(
            async token => await board.IsStartedAsync(token).ConfigureAwait(false),
            () => $"The job '{options.JobId}' was not started within {options.PeerTimeout.Value} ({ClusterOptions.SectionName}:PeerTimeout): is silo 0 running, with the same cluster id and membership?",
            cancellationToken);

    /// <summary>Until every expected silo has registered its workers, so that the first round of k has them all.</summary>
    public Task WaitJoinedAsync(int workersPerSilo, CancellationToken cancellationToken)
    {
        int expected = options.Silos * workersPerSilo;
        int registered = 0;
        return WaitAsync(
            async token =>
            {
                registered = (await server.GetStatusAsync(token).ConfigureAwait(false)).RegisteredWorkers;
                return registered >= expected;
            },
            () => $"Only {registered} of {expected} workers ({options.Silos} silos × {workersPerSilo}) joined job '{options.JobId}' within {options.PeerTimeout.Value} ({ClusterOptions.SectionName}:PeerTimeout): start every silo, each with its own --silo-index and the same --workers.",
            cancellationToken);
    }

    /// <summary>
    /// Until the job has completed and every silo has either reported its run or been declared dead. A silo that did
    /// neither within the timeout is left out of the report's traffic figures (and named in the log by the caller).
    /// </summary>
    public async Task<JobStatus> WaitSettledAsync(CancellationToken cancellationToken)
    {
        JobStatus? status = null;
        while (true)
        {
            status = await server.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            if (status.Completed)
            {
                break;
            }

            await Task.Delay(Poll, time, cancellationToken).ConfigureAwait(false);
        }

        // The job has completed; the other silos' reports follow their last deregistration within moments.
        try
        {
            await WaitAsync(
                async token =>
                {
                    status = await server.GetStatusAsync(token).ConfigureAwait(false);
                    return status.Silos.All(s => s.Settled);
                },
                () => "",
                cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterWaitException)
        {
            // Timed out: report what is known; the unsettled silos show no traffic figures.
        }

        return status;
    }

    private async Task WaitAsync(Func<CancellationToken, Task<bool>> done, Func<string> timedOut, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(options.PeerTimeout.Value, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            while (!await done(linked.Token).ConfigureAwait(false))
            {
                await Task.Delay(Poll, time, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ClusterWaitException(timedOut());
        }
    }
}
