using HybridSgd.Cluster.Contracts;

namespace HybridSgd.Cluster.Server;

/// <summary>
/// One flag per job id, in memory: it is read only while silos join, all before training starts. If its silo dies
/// later the flag is lost, which nothing reads any more.
/// </summary>
internal sealed class JobBoardGrain : Grain, IJobBoardGrain
{
    private bool _started;

    public Task MarkStartedAsync(CancellationToken cancellationToken)
    {
        _started = true;
        return Task.CompletedTask;
    }

    public Task<bool> IsStartedAsync(CancellationToken cancellationToken) => Task.FromResult(_started);
}
