using HybridSgd.Pipeline.Observability;

namespace HybridSgd.Embedding.Online;

/// <summary>What one segment did to the model, once it finished (every row consumed, every gradient applied).</summary>
/// <param name="Threshold">k when the segment ended.</param>
internal sealed record SegmentOutcome(int Rows, long Examples, long Updates, double Seconds, long SkippedRows, long DroppedMinibatches, ProgressiveScore Progressive, int Threshold);
