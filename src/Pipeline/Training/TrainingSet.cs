using HybridSgd.Pipeline.Data;

namespace HybridSgd.Pipeline.Training;

/// <summary>What a run trains on.</summary>
/// <param name="Name">For logs and reports.</param>
/// <param name="Train">The training rows, read one epoch at a time.</param>
/// <param name="Task">What the label asks for (the model must be for the same task).</param>
/// <param name="ClassCount">Classes of the label (0 for regression).</param>
/// <param name="Validation">
/// Rows held out of the training rows (never the test set) whose loss tells when training has converged; needed by
/// <see cref="Configuration.StopRule.Converged"/>.
/// </param>
public sealed record TrainingSet(string Name, TrainingRows Train, LearningTask Task, int ClassCount, DenseDataset? Validation = null)
{
    public int FeatureCount => Train.FeatureCount;
}
