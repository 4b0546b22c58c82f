namespace HybridSgd.Host.Compare;

/// <summary>How long runs took to first reach a test accuracy.</summary>
/// <param name="MeanSeconds">Mean over the runs that reached it; null if none did.</param>
/// <param name="Reached">How many runs reached it.</param>
public sealed record TimeToTarget(double Target, double? MeanSeconds, int Reached);
