using HybridSgd.Pipeline.Persistence;

namespace HybridSgd.Embedding.Checkpoints;

/// <summary>
/// The trainer's exact state (serve's at a segment boundary; an app's as its run's observer read it), apart from the
/// weights (stored beside it in binary): the model and its data spec, the optimizer's learning rate, the policy's
/// progress (in <see cref="Totals"/>) and how far into each fed file training got. Its format version is the file's
/// (see <see cref="CheckpointStore"/>); checkpoints of earlier builds carry a "Version" here too, which was never read
/// and is ignored.
/// </summary>
internal sealed record Checkpoint
{
    public required DateTimeOffset SavedUtc { get; init; }

    /// <summary>The model file's header: model kind, shape, classes and the tabular spec in <c>Data</c>.</summary>
    public required ModelHeader Model { get; init; }

    /// <summary>The learning rate now (the aggregator lowers it when updates diverge).</summary>
    public required float LearningRate { get; init; }

    public required TrainingTotals Totals { get; init; }

    public required IReadOnlyList<SourcePosition> Sources { get; init; }
}
