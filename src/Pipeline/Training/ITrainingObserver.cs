namespace HybridSgd.Pipeline.Training;

/// <summary>
/// Watches a run from outside the training graph — scoring a test set for a learning curve, a progress display —
/// so that the trainer itself knows nothing of evaluation.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>How often the trainer calls <see cref="Observe"/> while training runs.</summary>
    TimeSpan Interval { get; }

    /// <summary>
    /// Called every <see cref="Interval"/> with the latest published weights (first at the start), and once more with
    /// the final weights (<paramref name="final"/>). One call at a time, never on a worker or the aggregator; the
    /// weights are only valid during the call.
    /// </summary>
    void Observe(in TrainingProgress progress, ReadOnlySpan<float> weights, bool final);
}
