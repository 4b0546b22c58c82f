using HybridSgd.Pipeline.Training;

namespace HybridSgd.Embedding.Online;

/// <summary>Hands the live model the weights a segment has reached, every publish interval (its versions continue the stream's).</summary>
internal sealed class LivePublisher(LiveModel live, TimeSpan interval, long updatesBefore) : ITrainingObserver
{
    public TimeSpan Interval => interval;

    public void Observe(in TrainingProgress progress, ReadOnlySpan<float> weights, bool final) =>
        live.Publish(weights, updatesBefore + progress.Updates);
}
