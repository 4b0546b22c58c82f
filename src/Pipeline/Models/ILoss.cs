namespace HybridSgd.Pipeline.Models;

/// <summary>
/// A loss on a model's raw output scores. Kept apart from the model so that the same linear or MLP body serves
/// softmax, logistic and squared losses.
/// </summary>
public interface ILoss
{
    /// <summary>Returns the loss of <paramref name="scores"/> for <paramref name="label"/> and writes d(loss)/d(scores).</summary>
    float Evaluate(ReadOnlySpan<float> scores, int label, Span<float> scoreGradient);

    /// <summary>Turns raw scores into the prediction the user sees (probabilities for softmax).</summary>
    void Predict(ReadOnlySpan<float> scores, Span<float> prediction);
}
