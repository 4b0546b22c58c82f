namespace HybridSgd.Host.Compare;

// The file name carries the Chart prefix so every charting file sorts together in Compare/.

/// <summary>
/// Everything <see cref="ChartFigure"/> draws: accuracy and log-loss against wall-clock seconds, and the
/// threshold k(t) of each hybrid method on a 1..<paramref name="Workers"/> axis (that panel is left out when
/// <paramref name="Thresholds"/> is empty). For regression the two metric panels show R² and RMSE instead, named by
/// <paramref name="ScoreName"/> and <paramref name="LossName"/>.
/// </summary>
public sealed record ComparisonChart(
    string Title,
    IReadOnlyList<ChartSeries> Accuracy,
    IReadOnlyList<ChartMarker> AccuracyMarkers,
    IReadOnlyList<ChartSeries> LogLoss,
    IReadOnlyList<ChartMarker> LogLossMarkers,
    IReadOnlyList<ThresholdTrace> Thresholds,
    int Workers,
    string ScoreName = "accuracy",
    string LossName = "log-loss");
