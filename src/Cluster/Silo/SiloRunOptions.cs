using HybridSgd.Cluster.Contracts;

namespace HybridSgd.Cluster.Silo;

/// <summary>How one silo trains on its shard; checked by <see cref="Validate"/> before the run is built.</summary>
public sealed record SiloRunOptions
{
    /// <summary>Rows per minibatch, per worker.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Passes over the shard; null: until stopped.</summary>
    public int? Epochs { get; init; } = 1;

    /// <summary>A seeded new order of the shard's rows each epoch (false: the shard's own order, for exact-maths tests).</summary>
    public bool Shuffle { get; init; } = true;

    public int Seed { get; init; }

    /// <summary>Minibatches the loader may read ahead of the workers.</summary>
    public int LoaderBufferedBatches { get; init; } = 4;

    /// <summary>
    /// The most minibatches a worker may put into one message (local steps over a slow link, planned from its own
    /// timings as in a single process); 1: always one gradient per message.
    /// </summary>
    public int MaxLocalSteps { get; init; } = 1;

    /// <summary>Called after each of this silo's gradients is applied (progress displays, tests).</summary>
    public Action<PushReceipt>? OnApplied { get; init; }

    public void Validate()
    {
        if (BatchSize < 1)
        {
            throw new ArgumentException($"SiloRunOptions.BatchSize must be at least 1, not {BatchSize}.");
        }

        if (Epochs is < 1)
        {
            throw new ArgumentException($"SiloRunOptions.Epochs must be at least 1 (or null: until stopped), not {Epochs}.");
        }

        if (LoaderBufferedBatches < 1)
        {
            throw new ArgumentException($"SiloRunOptions.LoaderBufferedBatches must be at least 1, not {LoaderBufferedBatches}.");
        }

        if (MaxLocalSteps < 1)
        {
            throw new ArgumentException($"SiloRunOptions.MaxLocalSteps must be at least 1, not {MaxLocalSteps}.");
        }
    }
}
