using HybridSgd.Cluster.Contracts;

namespace HybridSgd.Cluster.Silo;

/// <summary>What one silo's run sent and received.</summary>
/// <param name="Gradients">Gradient messages this silo's workers pushed and had applied.</param>
/// <param name="PayloadBytes">Float32 bytes of those messages (Orleans' own framing not included).</param>
/// <param name="WeightPulls">Pulls that brought weights to this silo (one per new version it needed, for all its workers).</param>
/// <param name="PulledBytes">Float32 bytes of those pulls.</param>
/// <param name="Duplicates">Messages the parameter server refused as received before.</param>
/// <param name="Stopped">True when the run was stopped before its shard ran out (the silo shutting down, or the caller).</param>
public sealed record SiloRunResult(long Gradients, long PayloadBytes, long WeightPulls, long PulledBytes, long Duplicates, bool Stopped)
{
    /// <summary>Summed time from each push's call to its answer (which waits for the update that consumed it).</summary>
    public TimeSpan PushTime { get; init; }

    /// <summary>Summed time of the pulls that brought weights.</summary>
    public TimeSpan PullTime { get; init; }

    /// <summary>The wire form, for the parameter server's report of the job.</summary>
    public SiloRunReport ToReport() => new(Gradients, PayloadBytes, WeightPulls, PulledBytes, PushTime.TotalSeconds, PullTime.TotalSeconds, Stopped);
}
