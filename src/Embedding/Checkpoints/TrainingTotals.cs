namespace HybridSgd.Embedding.Checkpoints;

/// <summary>What the weights in a checkpoint have learned from, summed over the service's whole life (across restarts).</summary>
/// <param name="Rows">Data rows consumed.</param>
/// <param name="Examples">Examples in applied updates.</param>
/// <param name="Updates">Updates applied: with <see cref="TrainingSeconds"/>, the threshold policy's progress.</param>
/// <param name="TrainingSeconds">Time spent training (idle time excluded).</param>
/// <param name="Segments">Segments trained.</param>
/// <param name="SkippedRows">Rows left out: label missing or features not finite.</param>
/// <param name="DroppedMinibatches">Minibatches the pipeline dropped after a worker failed on them twice.</param>
/// <param name="ProgressiveExamples">Examples scored before they were learned from.</param>
/// <param name="ProgressiveLossSum">Sum of their losses.</param>
/// <param name="ProgressiveScored">Of them, those whose correctness was counted (classifiers).</param>
/// <param name="ProgressiveCorrect">Of those, predicted right.</param>
/// <param name="FilesDone">Files and chunks fully trained on.</param>
/// <param name="FilesFailed">Files and chunks moved to failed/.</param>
internal sealed record TrainingTotals(
    long Rows = 0,
    long Examples = 0,
    long Updates = 0,
    double TrainingSeconds = 0,
    long Segments = 0,
    long SkippedRows = 0,
    long DroppedMinibatches = 0,
    long ProgressiveExamples = 0,
    double ProgressiveLossSum = 0,
    long ProgressiveScored = 0,
    double ProgressiveCorrect = 0,
    long FilesDone = 0,
    long FilesFailed = 0)
{
    public double? ProgressiveLoss => ProgressiveExamples > 0 ? ProgressiveLossSum / ProgressiveExamples : null;

    public double? ProgressiveAccuracy => ProgressiveScored > 0 ? ProgressiveCorrect / ProgressiveScored : null;
}
