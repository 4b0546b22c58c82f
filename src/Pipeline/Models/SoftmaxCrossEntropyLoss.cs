using System.Numerics.Tensors;

namespace HybridSgd.Pipeline.Models;

/// <summary>Multinomial log-loss: softmax over the scores, then -log p(label).</summary>
internal sealed class SoftmaxCrossEntropyLoss : ILoss
{
    public int ScoreCount(int classCount) => classCount;

    /// <summary>diag(p) − ppᵀ at p uniform has eigenvalue 1/K.</summary>
    public double CurvatureAtZero(int scoreCount) => 1.0 / scoreCount;

    public float Evaluate(ReadOnlySpan<float> scores, float target, Span<float> scoreGradient)
    {
        int label = (int)target;
        // log-sum-exp with the max subtracted, so large scores cannot overflow exp().
        float max = TensorPrimitives.Max(scores);
        TensorPrimitives.Subtract(scores, max, scoreGradient);
        TensorPrimitives.Exp(scoreGradient, scoreGradient);
        float sum = TensorPrimitives.Sum<float>(scoreGradient);
        float loss = MathF.Log(sum) + max - scores[label];
        TensorPrimitives.Divide(scoreGradient, sum, scoreGradient);
        scoreGradient[label] -= 1f;
        return loss;
    }

    public void Predict(ReadOnlySpan<float> scores, Span<float> prediction) =>
        TensorPrimitives.SoftMax(scores, prediction);
}
