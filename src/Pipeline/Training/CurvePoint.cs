namespace HybridSgd.Pipeline.Training;

/// <summary>One sample of the learning curve, taken while training runs.</summary>
public sealed record CurvePoint(
    double Seconds,
    long Examples,
    long Updates,
    int Threshold,
    double TestAccuracy,
    double TestLogLoss);
