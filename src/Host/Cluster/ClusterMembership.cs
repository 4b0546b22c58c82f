namespace HybridSgd.Host.Cluster;

/// <summary>Where a cluster's silos find each other (<c>Cluster:Membership</c>).</summary>
public enum ClusterMembership
{
    /// <summary>
    /// Orleans' development clustering: silo 0 keeps the membership table in memory and the others join it on
    /// loopback. One machine, nothing to install; losing silo 0 ends the cluster.
    /// </summary>
    Localhost,

    /// <summary>The membership table in Redis (<c>Cluster:Redis</c>): silos on any machines that reach it.</summary>
    Redis,
}
