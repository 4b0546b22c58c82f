using HybridSgd.Datasets;
using HybridSgd.Datasets.Tabular;
using HybridSgd.Host.Options;
using HybridSgd.Host.Scoring;
using HybridSgd.Host.Service.Feeding;
using HybridSgd.Host.Service.Status;
using HybridSgd.Host.Service.Streaming;
using HybridSgd.Pipeline.Data;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Host.Service;

/// <summary>
/// The training loop: take the next settled file, train on it segment by segment from the current weights, and
/// between segments write a checkpoint when one is due and score the test file when that is due. When the inbox is
/// empty, checkpoint what is pending and wait. A stop request lets the current segment finish within the grace
/// time (half the shutdown timeout); a segment cut short leaves the model at the previous boundary.
/// </summary>
internal sealed class StreamLoop(
    StreamSession session,
    ServiceOptions service,
    DataOptions data,
    ServiceState state,
    ServiceMetrics metrics,
    ILogger logger,
    TimeProvider time)
{
    private TestScorer? _test;
    private bool _testUnavailable;
    private long _lastTest = time.GetTimestamp();

    public async Task RunAsync(CancellationToken stop)
    {
        var grace = service.ShutdownTimeout.Value / 2;
        using var segmentStop = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var onStop = stop.Register(() => segmentStop.CancelAfter(grace));
        bool waiting = false;
        while (!stop.IsCancellationRequested)
        {
            var file = session.Sources.Next();
            state.SetInbox(session.Sources.Pending);
            if (file is null)
            {
                if (session.NeedsCheckpoint)
                {
                    session.Checkpoint();
                }

                ScoreTestIfDue(force: false);

                // The timer exists before the phase is published: whoever moves a (test's) clock on seeing "waiting"
                // then always wakes this loop, never a timer not yet made.
                var pause = Task.Delay(service.PollInterval.Value, time, stop);
                state.SetPhase(ServicePhase.Waiting);
                if (!waiting)
                {
                    ServiceLog.Waiting(logger, session.Sources.InboxDirectory);
                    waiting = true;
                }

                try
                {
                    await pause.ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }

                continue;
            }

            waiting = false;
            await TrainFileAsync(file, stop, segmentStop.Token, grace).ConfigureAwait(false);
        }
    }

    private async Task TrainFileAsync(FeedFile file, CancellationToken stop, CancellationToken segmentStop, TimeSpan grace)
    {
        state.SetPhase(ServicePhase.Training, file.Name);
        ISegmentReader? reader = null;
        try
        {
            if (session.Model is null)
            {
                // The first file fed defines the schema (a configured Service:SchemaFile was read at start).
                session.Define(file.Path, data, stop);
            }

            var model = session.Model!;
            var position = session.Book.Open(file, out var change);
            if (change == FileChange.Rewritten)
            {
                ServiceLog.Replaced(logger, file.Name);
            }
            else if (change == FileChange.Appended)
            {
                ServiceLog.Appended(logger, file.Name, position.Rows);
            }

            // Each segment's rows are read once, validated and featurized in the same pass, and held once. A bad line
            // fails its segment before any of the segment is learned; earlier segments of the file stay learned.
            reader = session.Readers!.Open(file.Path, stop);
            ServiceLog.Accepted(logger, file.Name, file.Length, position.Rows > 0 ? $", resuming after row {position.Rows}" : "");
            if (!reader.Skip(position.Rows))
            {
                throw new DatasetFormatException(file.Path, $"the file has fewer rows than the {position.Rows} the checkpoint says were trained on.");
            }

            long fileRows = position.Rows;
            while (!stop.IsCancellationRequested)
            {
                long before = reader.Consumed;
                var segment = reader.Read(service.SegmentRows);
                int rows = (int)(reader.Consumed - before);
                if (rows == 0)
                {
                    break;
                }

                var outcome = await model.TrainAsync(segment, rows, file.Name, segmentStop).ConfigureAwait(false);
                if (outcome is null)
                {
                    ServiceLog.SegmentAbandoned(logger, file.Name, grace);
                    return;
                }

                fileRows += rows;
                session.Book.Advance(file, rows);
                session.MarkDirty();
                state.SetModel(model.Totals, model.LearningRate);
                state.SetSegment(outcome.Threshold, outcome.Progressive);
                ServiceLog.Segment(logger, file.Name, rows, outcome.Updates, outcome.Seconds);
                BetweenSegments();
            }

            if (stop.IsCancellationRequested)
            {
                return;
            }

            // A writer that appends in place and paused longer than the settle time: what was read is learned and
            // recorded; the file is not finished, so the scanner offers it again once it settles.
            var now = FileChanges.Of(file.Path, session.Book.Of(file));
            if (now != FileChange.Unchanged)
            {
                ServiceLog.ChangedWhileTrained(logger, file.Name, now.ToString().ToLowerInvariant());
                return;
            }

            session.Finish(file);
            state.SetModel(model.Totals, model.LearningRate);
            var totals = model.Totals;
            if (fileRows == position.Rows)
            {
                // Resumed a file whose every row the checkpoint already held: nothing was trained now, so there is
                // no threshold or progressive score of this file to report.
                ServiceLog.AlreadyLearned(logger, file.Name, fileRows);
            }
            else
            {
                ServiceLog.FileTrained(logger, file.Name, fileRows, totals.ProgressiveLoss, totals.ProgressiveAccuracy, state.Snapshot().Threshold, totals.Updates);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped while the file was being checked, before any of it was learned: it stays in the inbox as it
            // is and is read again after the restart. Nothing to undo.
        }
        catch (Exception exception) when (IsDataError(exception))
        {
            // The weights are still those of the last finished segment; only this file is given up.
            session.Fail(file, exception.Message);
        }
        finally
        {
            reader?.Dispose();
            state.SetPhase(stop.IsCancellationRequested ? ServicePhase.Stopping : ServicePhase.Training);
        }
    }

    private void BetweenSegments()
    {
        if (time.GetElapsedTime(session.LastCheckpoint) >= service.CheckpointInterval.Value)
        {
            session.Checkpoint();
        }

        ScoreTestIfDue(force: false);
    }

    /// <summary>Scores <c>Service:TestFile</c> when its interval has passed (or when forced); a test file that cannot be read is reported once.</summary>
    public void ScoreTestIfDue(bool force)
    {
        if (session.Model is not { } model || _testUnavailable || string.IsNullOrWhiteSpace(service.TestFile)
            || (!force && time.GetElapsedTime(_lastTest) < service.TestInterval.Value))
        {
            return;
        }

        try
        {
            _test ??= TestScorer.Load(session.Ml, session.Spec!, service.TestFile);
        }
        catch (Exception exception) when (IsDataError(exception))
        {
            _testUnavailable = true;
            ServiceLog.Failed(logger, service.TestFile, service.TestFile, exception.Message);
            return;
        }

        _lastTest = time.GetTimestamp();
        var scores = _test.Score(session.Ml, model);
        state.SetTest(scores, model.Totals.Rows);
        metrics.Training.RecordTest(scores.Accuracy ?? scores.RSquared, scores.LogLoss ?? scores.Rmse);
        ServiceLog.Tested(logger, Path.GetFileName(service.TestFile), MetricsText.Describe(scores));
    }

    /// <summary>Problems with a file's content or access: the file fails, the service goes on.</summary>
    private static bool IsDataError(Exception exception) =>
        exception is IOException or InvalidDataException or FormatException or UnauthorizedAccessException or ArgumentException
            or InvalidOperationException;
}
