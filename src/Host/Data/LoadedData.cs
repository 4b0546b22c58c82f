using System.Text.Json;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Training;
using Microsoft.ML;

namespace HybridSgd.Host.Data;

/// <summary>
/// A train/test split read into memory once, and what a model file must remember about it. The source views stay
/// for ML.NET baselines (SDCA caches its own copy only when it runs, so <c>train</c> holds the rows once).
/// </summary>
/// <param name="Train">The rows SGD trains on (the training rows minus the validation slice).</param>
/// <param name="Validation">The seeded slice of the training rows held out for the converged stop.</param>
/// <param name="TrainView">Every training row, as ML.NET reads it (baselines train on all of them).</param>
/// <param name="ClassNames">Label of each class, in key order (empty for regression).</param>
/// <param name="Spec">How to read and featurize new files like it (tabular data only), as stored in the model file.</param>
/// <param name="TaskReason">Why the task is what it is, for the log (e.g. how auto decided).</param>
internal sealed record LoadedData(
    MLContext Ml,
    string Name,
    LearningTask Task,
    int FeatureCount,
    int ClassCount,
    DenseDataset Train,
    DenseDataset Validation,
    DenseDataset Test,
    IDataView TrainView,
    IDataView TestView,
    IReadOnlyList<string> ClassNames,
    JsonElement? Spec,
    string TaskReason)
{
    /// <summary>What the trainer takes.</summary>
    public TrainingSet ForTraining() => new(Name, TrainingRows.InMemory(Train), Task, ClassCount, Validation);
}
