using HybridSgd.Embedding.Checkpoints;
using HybridSgd.Pipeline.Persistence;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Embedding.Online;

/// <summary>
/// Writes the trainer's checkpoint (checkpoint.hsgdc, the previous one kept) and model.hsgd beside it — the files
/// <c>serve</c> writes, each atomically — from weights and the totals that produced them.
/// </summary>
internal sealed partial class CheckpointWriter(CheckpointStore store, ModelHeader header, TimeProvider time, ILogger logger)
{
    public const string ModelFileName = "model.hsgd";

    public void Write(ReadOnlySpan<float> weights, TrainingTotals totals, float learningRate)
    {
        var checkpoint = new Checkpoint
        {
            SavedUtc = time.GetUtcNow(),
            Model = header,
            LearningRate = learningRate,
            Totals = totals,
            Sources = [],
        };
        store.Write(checkpoint, weights);
        ModelFile.Save(Path.Combine(Path.GetDirectoryName(store.CurrentPath)!, ModelFileName), header, weights);
        LogCheckpoint(logger, totals.Examples, totals.Updates);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint written: {Examples} examples, {Updates} updates")]
    private static partial void LogCheckpoint(ILogger logger, long examples, long updates);
}
