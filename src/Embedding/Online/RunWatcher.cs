using System.Runtime.ExceptionServices;
using HybridSgd.Embedding.Checkpoints;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Embedding.Online;

/// <summary>
/// The trainer's run's observer: every publish interval it hands the live model the latest weights, tells the
/// health check how far training got, and writes a checkpoint once the checkpoint interval has passed; at the end of
/// the run it does all three with the final weights. The weights and counters it is handed were read together (see
/// <see cref="TrainingProgress"/>), so a checkpoint's totals are exactly what its weights learned from.
/// </summary>
/// <param name="before">The totals of the checkpoint the run resumed from (the run's own counters start at 0).</param>
/// <param name="abort">Cancelled when a checkpoint fails: the run stops, and the failure is the trainer's (<see cref="ThrowIfFailed"/>).</param>
internal sealed class RunWatcher(
    LiveModel live,
    TrainerState state,
    CheckpointWriter? checkpoints,
    TrainingTotals before,
    TimeSpan publishInterval,
    TimeSpan checkpointInterval,
    TimeProvider time,
    CancellationTokenSource abort) : ITrainingObserver
{
    private long _lastCheckpoint = time.GetTimestamp();
    private long _checkpointedExamples;
    private ExceptionDispatchInfo? _failure;

    public TimeSpan Interval => publishInterval;

    public void Observe(in TrainingProgress progress, ReadOnlySpan<float> weights, bool final)
    {
        live.Publish(weights, before.Updates + progress.Updates);
        state.Trained(before.Examples + progress.Examples);
        if (checkpoints is null || progress.Examples == _checkpointedExamples)
        {
            return;
        }

        if (final)
        {
            // The run is over: a failure here is the run's own, thrown to the trainer.
            Checkpoint(progress, weights);
            return;
        }

        if (_failure is not null || time.GetElapsedTime(_lastCheckpoint) < checkpointInterval)
        {
            return;
        }

        try
        {
            Checkpoint(progress, weights);
        }
        catch (Exception exception)
        {
            // The observer runs beside the graph, which would otherwise train on — unsaved — until the app stops.
            _failure = ExceptionDispatchInfo.Capture(exception);
            abort.Cancel();
        }
    }

    /// <summary>Rethrows the checkpoint failure that stopped the run, if one did.</summary>
    public void ThrowIfFailed() => _failure?.Throw();

    private void Checkpoint(in TrainingProgress progress, ReadOnlySpan<float> weights)
    {
        var totals = before with
        {
            // Every example read off the channel is a row, and none is skipped: a bad one was refused at the writer.
            Rows = before.Rows + progress.Examples,
            Examples = before.Examples + progress.Examples,
            Updates = before.Updates + progress.Updates,
            // The run's time, its waits on an empty channel included: one run has no idle gaps between segments to leave out.
            TrainingSeconds = before.TrainingSeconds + progress.Seconds,
        };
        checkpoints!.Write(weights, totals, progress.LearningRate);
        _checkpointedExamples = progress.Examples;
        _lastCheckpoint = time.GetTimestamp();
    }
}
