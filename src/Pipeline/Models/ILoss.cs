namespace HybridSgd.Pipeline.Models;

/// <summary>
/// A loss on a model's raw output scores. Kept apart from the model so that the same linear or MLP body serves
/// softmax, logistic and squared losses.
/// </summary>
public interface ILoss
{
    /// <summary>How many raw scores the loss reads for <paramref name="classCount"/> classes (0 for regression).</summary>
    int ScoreCount(int classCount);

    /// <summary>
    /// Returns the loss of <paramref name="scores"/> for <paramref name="label"/> (a class index for classifiers,
    /// the target value for regression) and writes d(loss)/d(scores).
    /// </summary>
    float Evaluate(ReadOnlySpan<float> scores, float label, Span<float> scoreGradient);

    /// <summary>
    /// The largest eigenvalue of the loss's Hessian with respect to <paramref name="scoreCount"/> scores that are all
    /// zero (an untrained model): with the data's second moment it bounds the largest stable step at the start.
    /// </summary>
    double CurvatureAtZero(int scoreCount);

    /// <summary>
    /// Turns raw scores into the prediction the user sees: class probabilities for softmax, the probability of
    /// the positive class for logistic, the value for squared loss.
    /// </summary>
    void Predict(ReadOnlySpan<float> scores, Span<float> prediction);
}
