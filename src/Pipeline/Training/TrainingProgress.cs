namespace HybridSgd.Pipeline.Training;

/// <summary>Where a run is, as an observer sees it: the counters that produced the weights it is handed.</summary>
public readonly record struct TrainingProgress(double Seconds, long Examples, long Updates, int Threshold)
{
    /// <summary>The learning rate in force (lower than configured after refused updates): what a resumed run starts from.</summary>
    public float LearningRate { get; init; }
}
