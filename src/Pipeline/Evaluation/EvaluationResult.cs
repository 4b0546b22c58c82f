namespace HybridSgd.Pipeline.Evaluation;

/// <summary>Classification quality on a labelled set.</summary>
/// <param name="Accuracy">Fraction of rows whose most probable class is the label.</param>
/// <param name="LogLoss">Mean −ln p(label), with p clamped at 1e-15 as ML.NET does.</param>
/// <param name="Count">Rows scored.</param>
public sealed record EvaluationResult(double Accuracy, double LogLoss, int Count);
