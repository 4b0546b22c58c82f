using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Pipeline.Evaluation;

/// <summary>
/// Scores a model on a labelled set and hands the scores to ML.NET's own evaluator for the task, so the
/// reported metrics are ML.NET's to the digit (and comparable with an ML.NET baseline's).
/// </summary>
public static class MlNetMetrics
{
    public static TaskMetrics Evaluate(MLContext ml, IModel model, ReadOnlySpan<float> weights, DenseDataset data, int classCount)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0)
        {
            return new TaskMetrics(0);
        }

        var predictions = Predict(model, weights, data);
        return model.Task switch
        {
            LearningTask.Regression => Regression(ml, data, predictions),
            LearningTask.Binary => Binary(ml, data, predictions),
            _ => Multiclass(ml, data, predictions, classCount),
        };
    }

    /// <summary>Every row's prediction, row-major (<see cref="IModel.OutputCount"/> values a row).</summary>
    private static float[] Predict(IModel model, ReadOnlySpan<float> weights, DenseDataset data)
    {
        var kernel = model.CreateKernel();
        var predictions = new float[data.Count * model.OutputCount];
        for (int row = 0; row < data.Count; row++)
        {
            kernel.Predict(weights, data.Row(row), predictions.AsSpan(row * model.OutputCount, model.OutputCount));
        }

        return predictions;
    }

    private static TaskMetrics Multiclass(MLContext ml, DenseDataset data, float[] predictions, int classCount)
    {
        var rows = new ScoredRows.Multiclass[data.Count];
        for (int row = 0; row < data.Count; row++)
        {
            var scores = predictions.AsSpan(row * classCount, classCount).ToArray();
            var (predicted, _) = Evaluator.Read(scores, (int)data.Labels[row]);
            rows[row] = new ScoredRows.Multiclass { Label = (uint)data.Labels[row], Score = scores, PredictedLabel = (uint)predicted };
        }

        var schema = SchemaDefinition.Create(typeof(ScoredRows.Multiclass));
        schema[nameof(ScoredRows.Multiclass.Label)].ColumnType = new KeyDataViewType(typeof(uint), classCount);
        schema[nameof(ScoredRows.Multiclass.PredictedLabel)].ColumnType = new KeyDataViewType(typeof(uint), classCount);
        schema[nameof(ScoredRows.Multiclass.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, classCount);
        var metrics = ml.MulticlassClassification.Evaluate(ml.Data.LoadFromEnumerable(rows, schema));
        return new TaskMetrics(data.Count, Accuracy: metrics.MicroAccuracy, MacroAccuracy: metrics.MacroAccuracy, LogLoss: metrics.LogLoss);
    }

    private static TaskMetrics Binary(MLContext ml, DenseDataset data, float[] predictions)
    {
        int outputs = predictions.Length / data.Count;
        var rows = new ScoredRows.Binary[data.Count];
        for (int row = 0; row < data.Count; row++)
        {
            // One output is p(positive); two (softmax over both classes) give it as the second probability.
            float positive = predictions[(row * outputs) + outputs - 1];
            rows[row] = new ScoredRows.Binary
            {
                Label = data.Labels[row] == 1f,
                Probability = positive,
                Score = Logit(positive),
                PredictedLabel = positive >= 0.5f,
            };
        }

        var metrics = ml.BinaryClassification.Evaluate(ml.Data.LoadFromEnumerable(rows));
        return new TaskMetrics(data.Count, Accuracy: metrics.Accuracy, LogLoss: metrics.LogLoss, Auc: metrics.AreaUnderRocCurve, F1: metrics.F1Score);
    }

    private static TaskMetrics Regression(MLContext ml, DenseDataset data, float[] predictions)
    {
        var rows = new ScoredRows.Regression[data.Count];
        for (int row = 0; row < data.Count; row++)
        {
            rows[row] = new ScoredRows.Regression { Label = data.Labels[row], Score = predictions[row] };
        }

        var metrics = ml.Regression.Evaluate(ml.Data.LoadFromEnumerable(rows));
        return new TaskMetrics(data.Count, Rmse: metrics.RootMeanSquaredError, Mae: metrics.MeanAbsoluteError, RSquared: metrics.RSquared);
    }

    /// <summary>The raw score behind a probability (the AUC only needs its order; clamped so it stays finite).</summary>
    private static float Logit(float probability)
    {
        float p = Math.Clamp(probability, 1e-7f, 1 - 1e-7f);
        return MathF.Log(p / (1 - p));
    }
}
