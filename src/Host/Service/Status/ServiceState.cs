using HybridSgd.Embedding.Checkpoints;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Observability;

namespace HybridSgd.Host.Service.Status;

/// <summary>
/// What the service is doing, for status.json and the host's gauges. The training loop is the only writer; the
/// status writer and the meter's observers read it from other threads, hence the lock (taken a few times a second).
/// </summary>
internal sealed class ServiceState(TimeProvider time)
{
    private readonly object _gate = new();
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private ServicePhase _phase = ServicePhase.Starting;
    private string? _currentFile;
    private TrainingTotals _totals = new();
    private float? _learningRate;
    private int _threshold;
    private ProgressiveScore _recent = ProgressiveScore.None;
    private TaskMetrics? _test;
    private long? _testAfterRows;
    private int _inboxFiles;
    private DateTimeOffset? _lastCheckpoint;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ServicePhase Phase
    {
        get
        {
            lock (_gate)
            {
                return _phase;
            }
        }
    }

    public int InboxFiles
    {
        get
        {
            lock (_gate)
            {
                return _inboxFiles;
            }
        }
    }

    /// <summary>Seconds since the last checkpoint was written; NaN before the first.</summary>
    public double CheckpointAgeSeconds
    {
        get
        {
            lock (_gate)
            {
                return _lastCheckpoint is { } last ? (time.GetUtcNow() - last).TotalSeconds : double.NaN;
            }
        }
    }

    public void SetPhase(ServicePhase phase, string? currentFile = null) => Update(() => (_phase, _currentFile) = (phase, currentFile));

    /// <summary>The inbox was scanned (every poll): <paramref name="files"/> data files are waiting in it.</summary>
    public void SetInbox(int files) => Update(() => (_inboxFiles, InboxScans) = (files, InboxScans + 1));

    public void SetModel(TrainingTotals totals, float? learningRate) => Update(() => (_totals, _learningRate) = (totals, learningRate));

    public void SetSegment(int threshold, ProgressiveScore recent) => Update(() => (_threshold, _recent) = (threshold, recent));

    /// <summary>The test file's metrics, scored on the weights that had learnt <paramref name="afterRows"/> rows.</summary>
    public void SetTest(TaskMetrics test, long afterRows) => Update(() => (_test, _testAfterRows) = (test, afterRows));

    public void SetCheckpoint(DateTimeOffset when) => Update(() => _lastCheckpoint = when);

    /// <summary>Scans of the inbox so far: one per poll of the service loop.</summary>
    public long InboxScans { get; private set; }

    /// <summary>
    /// Completes at the next change of any figure: what a caller waiting for the service to reach a state awaits,
    /// instead of polling on a clock.
    /// </summary>
    public Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    public ServiceStatus Snapshot()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            bool recent = _recent.Examples > 0 && double.IsFinite(_recent.MeanLoss);
            return new ServiceStatus(
                _phase,
                _started,
                (now - _started).TotalSeconds,
                _totals.Rows,
                _totals.Examples,
                _totals.Updates,
                _totals.Segments,
                _threshold,
                _learningRate,
                _totals.TrainingSeconds,
                _totals.ProgressiveLoss,
                _totals.ProgressiveAccuracy,
                recent ? _recent.MeanLoss : null,
                recent ? _recent.Accuracy : null,
                _test,
                _testAfterRows,
                _inboxFiles,
                _lastCheckpoint,
                _totals.FilesDone,
                _totals.FilesFailed,
                _totals.SkippedRows,
                _totals.DroppedMinibatches,
                _currentFile,
                now);
        }
    }

    private void Update(Action change)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            change();
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }
}
