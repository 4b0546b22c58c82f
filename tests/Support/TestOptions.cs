using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Tests.Support;

internal static class TestOptions
{
    /// <summary>A deterministic, unshuffled run over the data for a fixed number of epochs.</summary>
    public static TrainingOptions Replay(TrainingMode mode, int workers, int batchSize, int epochs = 1) => new()
    {
        Mode = mode,
        Workers = workers,
        BatchSize = batchSize,
        Epochs = epochs,
        Budget = null,
        Stop = StopRule.Epochs,
        Shuffle = false,
        LearningRate = 0.1f,
        L2 = 1e-4f,
        Seed = 7,
        EvaluationInterval = new Duration(TimeSpan.FromSeconds(30)),
    };
}
