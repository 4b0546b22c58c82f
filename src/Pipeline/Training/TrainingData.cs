using HybridSgd.Pipeline.Data;
using Microsoft.ML;

namespace HybridSgd.Pipeline.Training;

/// <summary>
/// A train/test split ready for training: the training rows are streamed from <see cref="Train"/>
/// (columns "Features" and "Label": a key for classification, a Single for regression); the test rows are
/// scored from memory.
/// </summary>
/// <param name="ClassCount">Classes of the label (0 for regression).</param>
/// <param name="TestView">The same test rows as an IDataView, for ML.NET baselines and evaluators (optional).</param>
/// <param name="Task">What the label asks for.</param>
/// <param name="Validation">
/// Rows held out of the training rows (never the test set) whose loss tells when training has converged; needed by
/// <see cref="Configuration.StopRule.Converged"/>.
/// </param>
/// <param name="TrainInMemory">
/// The rows of <paramref name="Train"/> also held in memory (same order): epochs then read them directly, which
/// is several times cheaper per minibatch than a cursor. Null to stream every epoch from the view.
/// </param>
public sealed record TrainingData(
    MLContext Ml,
    string Name,
    IDataView Train,
    DenseDataset Test,
    int FeatureCount,
    int ClassCount,
    IDataView? TestView = null,
    LearningTask Task = LearningTask.Multiclass,
    DenseDataset? TrainInMemory = null,
    DenseDataset? Validation = null);
