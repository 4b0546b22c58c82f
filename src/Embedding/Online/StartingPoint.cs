using HybridSgd.Embedding.Checkpoints;
using HybridSgd.Pipeline.Persistence;

namespace HybridSgd.Embedding.Online;

/// <summary>Where the trainer's run starts: the newest checkpoint's state, or a fresh model's.</summary>
/// <param name="LearningRate">The checkpoint's, else the configured one; null to estimate it from the first examples.</param>
internal sealed record StartingPoint(ModelHeader Header, float[] Weights, float? LearningRate, TrainingTotals Totals);
