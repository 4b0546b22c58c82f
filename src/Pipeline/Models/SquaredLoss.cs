namespace HybridSgd.Pipeline.Models;

/// <summary>
/// Least squares on one score: loss = ½(s − y)², so d(loss)/ds = s − y and the mean loss over a set is half
/// its mean squared error.
/// </summary>
internal sealed class SquaredLoss : ILoss
{
    public int ScoreCount(int classCount) => 1;

    /// <summary>½(s − y)² has curvature 1 everywhere.</summary>
    public double CurvatureAtZero(int scoreCount) => 1;

    public float Evaluate(ReadOnlySpan<float> scores, float label, Span<float> scoreGradient)
    {
        float residual = scores[0] - label;
        scoreGradient[0] = residual;
        return 0.5f * residual * residual;
    }

    public void Predict(ReadOnlySpan<float> scores, Span<float> prediction) => prediction[0] = scores[0];
}
