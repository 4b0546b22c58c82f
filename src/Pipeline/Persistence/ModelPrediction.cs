namespace HybridSgd.Pipeline.Persistence;

/// <summary>One prediction of a <see cref="SavedModel"/>.</summary>
/// <param name="ClassIndex">Classifiers: the most probable class (zero-based).</param>
/// <param name="Label">Classifiers: that class's label as it was in the training data.</param>
/// <param name="Probabilities">Classifiers: the probability of each class, in class order (empty for regression).</param>
/// <param name="Value">Regression: the predicted value.</param>
public sealed record ModelPrediction(int? ClassIndex, string? Label, IReadOnlyList<float> Probabilities, float? Value);
