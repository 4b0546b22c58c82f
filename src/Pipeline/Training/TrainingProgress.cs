namespace HybridSgd.Pipeline.Training;

/// <summary>Where a run is, as an observer sees it.</summary>
public readonly record struct TrainingProgress(double Seconds, long Examples, long Updates, int Threshold);
