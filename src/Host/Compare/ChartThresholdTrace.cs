namespace HybridSgd.Host.Compare;

// The file name carries the Chart prefix so every charting file sorts together in Compare/.

/// <summary>
/// One hybrid run's threshold k(t) (<paramref name="Method"/>: "hybrid" or "adaptive"): <c>Threshold[i]</c> holds
/// from <c>Seconds[i]</c> until the next change (a step function); the last value holds to the end of the time axis.
/// </summary>
public sealed record ThresholdTrace(IReadOnlyList<double> Seconds, IReadOnlyList<int> Threshold, string Method = "hybrid");
