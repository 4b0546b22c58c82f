namespace HybridSgd.Pipeline.Evaluation;

/// <summary>
/// The test metrics of a task, as ML.NET's evaluators compute them; the figures a task does not have are null
/// (and left out of report.json).
/// </summary>
/// <param name="Accuracy">Multiclass: micro accuracy. Binary: accuracy at probability 0.5.</param>
/// <param name="MacroAccuracy">Multiclass: mean of the per-class accuracies.</param>
/// <param name="LogLoss">
/// Classifiers: mean −log p(label), as ML.NET reports it: natural log for multiclass, base 2 for binary (ML.NET's
/// binary evaluator measures it in bits; the learning curve's binary log-loss is in nats, 1/ln 2 ≈ 1.44× smaller).
/// </param>
/// <param name="Auc">Binary: area under the ROC curve.</param>
/// <param name="F1">Binary: F1 score of the positive class.</param>
/// <param name="Rmse">Regression: root mean squared error.</param>
/// <param name="Mae">Regression: mean absolute error.</param>
/// <param name="RSquared">Regression: coefficient of determination.</param>
/// <param name="Count">Rows scored.</param>
public sealed record TaskMetrics(
    int Count,
    double? Accuracy = null,
    double? MacroAccuracy = null,
    double? LogLoss = null,
    double? Auc = null,
    double? F1 = null,
    double? Rmse = null,
    double? Mae = null,
    double? RSquared = null);
