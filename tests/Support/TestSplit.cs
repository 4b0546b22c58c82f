using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;
using Microsoft.ML;

namespace HybridSgd.Tests.Support;

/// <summary>Real rows for a test: the training rows as an ML.NET view and in memory, and a test set to score on.</summary>
public sealed record TestSplit(
    MLContext Ml,
    string Name,
    IDataView Train,
    DenseDataset Test,
    int FeatureCount,
    int ClassCount,
    LearningTask Task = LearningTask.Multiclass,
    DenseDataset? Validation = null)
{
    private DenseDataset? _trainRows;

    public DenseDataset TrainRows => _trainRows ??= DenseDataset.FromDataView(Train);

    /// <summary>What the trainer takes, the rows read from memory (the fast path every verb uses).</summary>
    public TrainingSet InMemory => new(Name, TrainingRows.InMemory(TrainRows), Task, ClassCount, Validation);

    /// <summary>The same rows read through a cursor each epoch.</summary>
    public TrainingSet Streamed => new(Name, TrainingRows.Streamed(Ml, Train), Task, ClassCount, Validation);

    public EvaluationResult Score(IModel model, ReadOnlySpan<float> weights) => new Evaluator(model, Test).Evaluate(weights);

    public TaskMetrics Metrics(IModel model, ReadOnlySpan<float> weights) => MlNetMetrics.Evaluate(Ml, model, weights, Test, ClassCount);
}
