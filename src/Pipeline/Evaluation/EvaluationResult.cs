namespace HybridSgd.Pipeline.Evaluation;

/// <summary>A model's quality on a labelled set, as sampled along the learning curve (null where the task has no such figure).</summary>
/// <param name="Accuracy">Classifiers: fraction of rows whose most probable class is the label.</param>
/// <param name="LogLoss">Classifiers: mean −ln p(label), with p clamped at 1e-15 as ML.NET does.</param>
/// <param name="Count">Rows scored.</param>
/// <param name="Rmse">Regression: root of the mean squared error.</param>
/// <param name="RSquared">Regression: 1 − MSE / variance of the labels (as ML.NET computes R²).</param>
public sealed record EvaluationResult(double? Accuracy, double? LogLoss, int Count, double? Rmse = null, double? RSquared = null);
