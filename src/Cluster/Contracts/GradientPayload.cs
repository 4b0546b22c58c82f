namespace HybridSgd.Cluster.Contracts;

/// <summary>
/// One worker message on its way to the parameter-server grain: a minibatch gradient (or the displacement of a
/// worker's local steps) with what the aggregator needs to weigh it and to account for it exactly once.
/// </summary>
/// <remarks>
/// Immutable: the sender builds a fresh payload for every message (the worker's own buffer is reused), so Orleans
/// may hand it to a grain on the same silo without the defensive deep copy it makes of mutable arguments.
/// </remarks>
[GenerateSerializer]
[Immutable]
[Alias("HybridSgd.Cluster.GradientPayload")]
public sealed class GradientPayload
{
    /// <summary>The cluster-wide worker id the parameter server gave at registration.</summary>
    [Id(0)]
    public int WorkerId { get; init; }

    /// <summary>The worker's running number, from 0: (WorkerId, Sequence) names a gradient once in the whole job.</summary>
    [Id(1)]
    public long Sequence { get; init; }

    /// <summary>Version of the weights the gradient was computed on (its staleness is measured against it).</summary>
    [Id(2)]
    public long WeightsVersion { get; init; }

    [Id(3)]
    public int ExampleCount { get; init; }

    /// <summary>Minibatches behind the message: 1 for a gradient, more for local steps.</summary>
    [Id(4)]
    public int Steps { get; init; } = 1;

    /// <summary>True when <see cref="Values"/> is a displacement of local steps, not a gradient.</summary>
    [Id(5)]
    public bool IsDisplacement { get; init; }

    /// <summary>Mean loss of the minibatches at the weights they were computed on.</summary>
    [Id(6)]
    public double Loss { get; init; }

    /// <summary>The worker's own time for the message (pull, compute, push), for the adaptive policy's pace signal.</summary>
    [Id(7)]
    public double WorkSeconds { get; init; } = double.NaN;

    /// <summary>Little-endian float32 values, one per model parameter (see <see cref="FloatPayload"/>).</summary>
    [Id(8)]
    public byte[] Values { get; init; } = [];

    /// <summary>The noise probe's four numbers (NaN: none), for the adaptive policy.</summary>
    [Id(9)]
    public NoiseSample Noise { get; init; } = NoiseSample.None;
}
