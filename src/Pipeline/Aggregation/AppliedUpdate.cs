namespace HybridSgd.Pipeline.Aggregation;

/// <summary>What one update consumed: for invariant checks and tracing, not for the hot path.</summary>
/// <param name="Version">Version published by this update.</param>
/// <param name="Threshold">The k in force when the update was applied.</param>
/// <param name="Gradients">(worker, sequence) of each gradient in the update.</param>
/// <param name="Skipped">True when the mean gradient was not finite and the weights were left alone.</param>
internal sealed record AppliedUpdate(long Version, int Threshold, IReadOnlyList<(int Worker, long Sequence)> Gradients, bool Skipped);
