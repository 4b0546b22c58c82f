namespace HybridSgd.Embedding.Checkpoints;

/// <summary>A checkpoint read back, and which file it came from.</summary>
/// <param name="IsPrevious">It is the previous checkpoint: the newest one was missing or unusable.</param>
internal sealed record LoadedCheckpoint(Checkpoint Checkpoint, float[] Weights, string Path, bool IsPrevious);
