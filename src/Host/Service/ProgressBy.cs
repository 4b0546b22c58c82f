namespace HybridSgd.Host.Service;

/// <summary>What moves the threshold policy's progress p from 0 to 1 when the data has no end.</summary>
public enum ProgressBy
{
    /// <summary>Training time summed over the service's life (idle time does not count).</summary>
    Time,

    /// <summary>Updates applied over the service's life.</summary>
    Updates,
}
