namespace HybridSgd.Host.Cluster;

/// <summary>Another silo did not come (or did not answer) in time: reported as one line naming what was missing.</summary>
internal sealed class ClusterWaitException(string message) : Exception(message);
