namespace HybridSgd.Pipeline.Evaluation;

/// <summary>One sample of the learning curve, taken while training runs.</summary>
/// <param name="TestAccuracy">Classifiers only (null for regression).</param>
/// <param name="TestLogLoss">Classifiers only (null for regression).</param>
/// <param name="TestRmse">Regression only (null for classifiers).</param>
/// <param name="TestRSquared">Regression only (null for classifiers).</param>
public sealed record CurvePoint(
    double Seconds,
    long Examples,
    long Updates,
    int Threshold,
    double? TestAccuracy,
    double? TestLogLoss,
    double? TestRmse = null,
    double? TestRSquared = null)
{
    /// <summary>The higher-is-better figure a curve is read by: accuracy for classifiers, R² for regression.</summary>
    public double? Score => TestAccuracy ?? TestRSquared;

    /// <summary>The lower-is-better figure: log-loss for classifiers, RMSE for regression.</summary>
    public double? Loss => TestLogLoss ?? TestRmse;
}
