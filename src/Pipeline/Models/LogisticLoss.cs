namespace HybridSgd.Pipeline.Models;

/// <summary>
/// Binary log-loss on one score s: p = σ(s) is the probability of the positive class (label 1), and
/// loss = −ln p for a positive, −ln(1 − p) for a negative.
/// </summary>
internal sealed class LogisticLoss : ILoss
{
    public int ScoreCount(int classCount) => 1;

    /// <summary>σ'(0) = ¼.</summary>
    public double CurvatureAtZero(int scoreCount) => 0.25;

    public float Evaluate(ReadOnlySpan<float> scores, float label, Span<float> scoreGradient)
    {
        float s = scores[0];
        float y = label > 0.5f ? 1f : 0f;

        // −ln σ(s) = softplus(−s) and −ln(1 − σ(s)) = softplus(s), written so that exp() never overflows.
        float z = y == 1f ? -s : s;
        float loss = MathF.Max(z, 0f) + MathF.Log(1f + MathF.Exp(-MathF.Abs(z)));
        scoreGradient[0] = Sigmoid(s) - y;
        return loss;
    }

    public void Predict(ReadOnlySpan<float> scores, Span<float> prediction) => prediction[0] = Sigmoid(scores[0]);

    private static float Sigmoid(float s) =>
        s >= 0 ? 1f / (1f + MathF.Exp(-s)) : MathF.Exp(s) / (1f + MathF.Exp(s));
}
