using System.Numerics.Tensors;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;

namespace HybridSgd.Pipeline.Evaluation;

/// <summary>
/// Scores a model's weights on an in-memory set, fast enough to run every second while training. The final
/// figures a report shows come from ML.NET's evaluators (<see cref="MlNetMetrics"/>); this one agrees with them
/// on accuracy, log-loss and RMSE. Owns a kernel, so one caller at a time.
/// </summary>
internal sealed class Evaluator
{
    private const double ProbabilityFloor = 1e-15;
    private readonly IModel _model;
    private readonly IModelKernel _kernel;
    private readonly DenseDataset _data;
    private readonly float[] _prediction;

    public Evaluator(IModel model, DenseDataset data)
    {
        if (model.FeatureCount != data.FeatureCount)
        {
            throw new ArgumentException($"Model expects {model.FeatureCount} features, data has {data.FeatureCount}.", nameof(data));
        }

        _model = model;
        _kernel = model.CreateKernel();
        _data = data;
        _prediction = new float[model.OutputCount];
    }

    public EvaluationResult Evaluate(ReadOnlySpan<float> parameters)
    {
        if (_data.Count == 0)
        {
            return new EvaluationResult(null, null, 0);
        }

        return _model.Task == LearningTask.Regression ? Regression(parameters) : Classification(parameters);
    }

    private EvaluationResult Classification(ReadOnlySpan<float> parameters)
    {
        int correct = 0;
        double logLoss = 0;
        for (int row = 0; row < _data.Count; row++)
        {
            _kernel.Predict(parameters, _data.Row(row), _prediction);
            int label = (int)_data.Labels[row];
            var (predicted, probability) = Read(_prediction, label);
            correct += predicted == label ? 1 : 0;
            logLoss -= Math.Log(Math.Max(probability, ProbabilityFloor));
        }

        return new EvaluationResult(correct / (double)_data.Count, logLoss / _data.Count, _data.Count);
    }

    private EvaluationResult Regression(ReadOnlySpan<float> parameters)
    {
        double squares = 0;
        double labelMean = 0;
        for (int row = 0; row < _data.Count; row++)
        {
            _kernel.Predict(parameters, _data.Row(row), _prediction);
            double error = _prediction[0] - (double)_data.Labels[row];
            squares += error * error;
            labelMean += _data.Labels[row];
        }

        labelMean /= _data.Count;
        double variance = 0;
        foreach (float label in _data.Labels)
        {
            variance += (label - labelMean) * (label - labelMean);
        }

        double mse = squares / _data.Count;
        return new EvaluationResult(null, null, _data.Count, Math.Sqrt(mse), 1 - (squares / variance));
    }

    /// <summary>
    /// The predicted class and the probability given to <paramref name="label"/>. A one-output classifier gives
    /// p(class 1); ties at 0.5 go to class 1, as ML.NET's binary threshold does.
    /// </summary>
    internal static (int Predicted, double LabelProbability) Read(ReadOnlySpan<float> prediction, int label)
    {
        if (prediction.Length == 1)
        {
            double positive = prediction[0];
            return (positive >= 0.5 ? 1 : 0, label == 1 ? positive : 1 - positive);
        }

        return (TensorPrimitives.IndexOfMax(prediction), prediction[label]);
    }
}
