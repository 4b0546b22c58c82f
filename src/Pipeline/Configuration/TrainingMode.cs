namespace HybridSgd.Pipeline.Configuration;

/// <summary>How the aggregator groups gradients into updates.</summary>
public enum TrainingMode
{
    /// <summary>k = 1: apply every gradient as it arrives.</summary>
    Async,

    /// <summary>k = workers: apply the mean of one gradient from every worker.</summary>
    Sync,

    /// <summary>k follows the threshold policy, from 1 early to the worker count late.</summary>
    Hybrid,
}
