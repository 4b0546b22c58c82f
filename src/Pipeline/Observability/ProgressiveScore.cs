namespace HybridSgd.Pipeline.Observability;

/// <summary>
/// Progressive validation ("predict, then learn"): every example is scored with the weights it is about to
/// update, so the mean is an honest estimate of the loss on unseen data of a stream, without a held-out set.
/// </summary>
/// <param name="Examples">Examples scored.</param>
/// <param name="MeanLoss">Their mean training loss before learning (log-loss for classifiers, ½ squared error for regression).</param>
/// <param name="Accuracy">Fraction predicted right before learning (classifiers, when enabled; null otherwise).</param>
public sealed record ProgressiveScore(long Examples, double MeanLoss, double? Accuracy)
{
    public static ProgressiveScore None { get; } = new(0, double.NaN, null);
}
