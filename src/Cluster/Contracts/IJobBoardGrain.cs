namespace HybridSgd.Cluster.Contracts;

/// <summary>
/// Whether a job has been started, apart from its parameter server: the other silos wait on this grain, so that
/// none of them activates the parameter server before the coordinator has — its activation, and so the weights,
/// stay on the coordinator's silo (<c>PreferLocalPlacement</c> places it where the first call comes from).
/// </summary>
public interface IJobBoardGrain : IGrainWithStringKey
{
    Task MarkStartedAsync(CancellationToken cancellationToken);

    Task<bool> IsStartedAsync(CancellationToken cancellationToken);
}
