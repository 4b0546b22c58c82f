using System.Numerics.Tensors;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;

namespace HybridSgd.Pipeline.Evaluation;

/// <summary>Scores a model's weights on an in-memory set. Owns a kernel, so one caller at a time.</summary>
public sealed class Evaluator
{
    private const double ProbabilityFloor = 1e-15;
    private readonly IModelKernel _kernel;
    private readonly DenseDataset _data;
    private readonly float[] _prediction;

    public Evaluator(IModel model, DenseDataset data)
    {
        if (model.FeatureCount != data.FeatureCount)
        {
            throw new ArgumentException($"Model expects {model.FeatureCount} features, data has {data.FeatureCount}.", nameof(data));
        }

        _kernel = model.CreateKernel();
        _data = data;
        _prediction = new float[model.OutputCount];
    }

    public EvaluationResult Evaluate(ReadOnlySpan<float> parameters)
    {
        if (_data.Count == 0)
        {
            return new EvaluationResult(double.NaN, double.NaN, 0);
        }

        int correct = 0;
        double logLoss = 0;
        for (int row = 0; row < _data.Count; row++)
        {
            _kernel.Predict(parameters, _data.Row(row), _prediction);
            int label = _data.Labels[row];
            if (TensorPrimitives.IndexOfMax(_prediction) == label)
            {
                correct++;
            }

            logLoss -= Math.Log(Math.Max(_prediction[label], ProbabilityFloor));
        }

        return new EvaluationResult(correct / (double)_data.Count, logLoss / _data.Count, _data.Count);
    }
}
