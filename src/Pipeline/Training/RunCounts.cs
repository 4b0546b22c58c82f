namespace HybridSgd.Pipeline.Training;

/// <summary>How far the current run has got: what a caller's own progress function (<see cref="TrainerEnvironment.Progress"/>) reads.</summary>
public readonly record struct RunCounts(long Examples, long Updates, TimeSpan Elapsed);
