using System.Numerics.Tensors;
using HybridSgd.Pipeline.Data;

namespace HybridSgd.Pipeline.Models;

/// <summary>
/// scores = W·x + b followed by a loss. With <see cref="SoftmaxCrossEntropyLoss"/> this is multinomial logistic
/// (softmax) regression, with <see cref="LogisticLoss"/> binary logistic regression, with <see cref="SquaredLoss"/>
/// linear least squares. Parameter layout: W row-major [outputs × features], then b [outputs].
/// </summary>
internal sealed class LinearModel : IModel
{
    private readonly ILoss _loss;

    public LinearModel(string name, int featureCount, int outputCount, ILoss loss)
        : this(name, LearningTask.Multiclass, featureCount, outputCount, loss)
    {
    }

    public LinearModel(string name, LearningTask task, int featureCount, int outputCount, ILoss loss)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputCount);
        Name = name;
        Task = task;
        FeatureCount = featureCount;
        OutputCount = outputCount;
        _loss = loss;
    }

    public string Name { get; }

    /// <summary>The loss on the scores (softmax cross-entropy, logistic or squared).</summary>
    public ILoss Loss => _loss;

    public LearningTask Task { get; }

    public int FeatureCount { get; }

    public int OutputCount { get; }

    public int ParameterCount => (FeatureCount + 1) * OutputCount;

    public void InitializeParameters(Span<float> parameters, Random random)
    {
        // Small symmetric noise: a convex model does not need it, but distinct seeds then give distinct runs,
        // which is what averaging over seeds (as the paper does) assumes.
        const float scale = 0.01f;
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = (float)(random.NextDouble() * 2 - 1) * scale;
        }
    }

    public IModelKernel CreateKernel() => new Kernel(this);

    private sealed class Kernel(LinearModel model) : IModelKernel
    {
        private readonly float[] _scores = new float[model.OutputCount];
        private readonly float[] _scoreGradient = new float[model.OutputCount];

        public double ComputeGradient(ReadOnlySpan<float> parameters, Minibatch batch, Span<float> gradient)
        {
            int features = model.FeatureCount;
            int outputs = model.OutputCount;
            var weightGradient = gradient[..(features * outputs)];
            var biasGradient = gradient[(features * outputs)..];
            gradient.Clear();
            double loss = 0;
            for (int row = 0; row < batch.Count; row++)
            {
                var x = batch.Row(row);
                Scores(parameters, x, _scores);
                loss += model._loss.Evaluate(_scores, batch.Labels[row], _scoreGradient);
                for (int o = 0; o < outputs; o++)
                {
                    float delta = _scoreGradient[o];
                    var rowGradient = weightGradient.Slice(o * features, features);
                    TensorPrimitives.MultiplyAdd(x, delta, rowGradient, rowGradient);
                    biasGradient[o] += delta;
                }
            }

            float inverseCount = 1f / batch.Count;
            TensorPrimitives.Multiply(gradient, inverseCount, gradient);
            return loss / batch.Count;
        }

        public void Predict(ReadOnlySpan<float> parameters, ReadOnlySpan<float> features, Span<float> prediction)
        {
            Scores(parameters, features, _scores);
            model._loss.Predict(_scores, prediction);
        }

        private void Scores(ReadOnlySpan<float> parameters, ReadOnlySpan<float> x, Span<float> scores)
        {
            int features = model.FeatureCount;
            var bias = parameters[(features * model.OutputCount)..];
            for (int o = 0; o < scores.Length; o++)
            {
                scores[o] = TensorPrimitives.Dot(parameters.Slice(o * features, features), x) + bias[o];
            }
        }
    }
}
