using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Evaluation;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Pipeline.Training.Convergence;

/// <summary>
/// Scores the latest weights on the validation slice as often as costs at most ~20 % of one core (~10 % in a run that
/// ends at its cap) and climbs a ladder on each plateau the <see cref="ConvergenceDetector"/> finds: first k goes to
/// where the policy means to end (if it is not there yet), then the learning rate is halved — again after each plateau
/// as long as the last halving paid (its phase beat the best loss before it by the tolerance; at most
/// <see cref="ConvergenceOptions.Anneals"/> times) — and the first plateau after a halving that did not pay ends the
/// run. Without the converged stop (<paramref name="mayStop"/> false) only the first step is taken: the learning curve
/// still tells the policy when to settle k, and the learning rate and the end are the budget's or epochs'. Before that
/// first plateau, in a run that ends at its cap (<paramref name="reportSlowdowns"/>), each slowdown the
/// <see cref="SlowdownDetector"/> finds is passed on too (the policy may take a step of k). Reads snapshots only, like
/// the test-set monitor.
/// </summary>
internal sealed partial class ConvergenceMonitor(
    Evaluator validation,
    WeightsBoard board,
    GradientAggregator aggregator,
    ConvergenceOptions options,
    bool mayStop,
    bool reportSlowdowns,
    TimeProvider time,
    ILogger logger)
{
    // Checks at most this often (tiny data scores in microseconds), and at least a multiple of a check's own cost
    // apart: at most a fifth of one core under the converged stop, a tenth otherwise. Why a fifth there: a phase of
    // the ladder ends only when the second half of its examples holds MinimumChecks checks, so on a large file the
    // checks' spacing, not the loss, set the run's length — Fashion-MNIST as a CSV (4,794 validation rows, 3 ms a
    // check) converged after 1.05 s at a tenth and 0.83 s at a fifth (12 interleaved pairs), with the same test
    // accuracy and log-loss. A run that ends at its cap only takes k's steps from the checks, and its figures were
    // measured at a tenth (the difference there was within noise: docs/RESULTS.md).
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(20);
    private const int CostMultipleUntilConverged = 5;
    private const int CostMultipleOtherwise = 10;

    /// <summary>The plateau that ended the run (null while it has not converged).</summary>
    public ConvergenceDetector.Plateau? Plateau { get; private set; }

    /// <summary>The last validation loss measured (log-loss, or RMSE for regression); NaN before the first check.</summary>
    public double LastLoss { get; private set; } = double.NaN;

    /// <summary>Runs until <paramref name="stop"/>; cancels <paramref name="converged"/> when training has converged.</summary>
    public async Task RunAsync(CancellationTokenSource converged, CancellationToken stop)
    {
        var detector = new ConvergenceDetector(options.Tolerance, options.MinimumChecks);
        // Slowdowns are passed on only in a run that ends at its cap (the same fact the policy's end floor reads:
        // ProgressMeter.EndsRun). The converged stop judges progress per example, which bigger updates slow: with the
        // step it stopped at half the time and a 0.01 worse test log-loss (Fashion-MNIST, docs/RESULTS.md), so there
        // the plateau alone settles k.
        var slowdown = !reportSlowdowns || options.SlowdownTolerance <= 0 ? null : new SlowdownDetector(options.SlowdownTolerance, options.MinimumChecks);

        // The untrained weights' loss first: the scale below which losses stop counting (see the detector). Taken
        // now, scored off the caller's thread, like the observation loop's first point: the graph starts meanwhile.
        var initial = board.Acquire();
        await Task.Yield();
        double untrained = Score(initial);
        detector.Observe(0, untrained);
        slowdown?.Observe(0, untrained);
        var interval = MinimumInterval;
        int anneals = 0;
        bool settled = aggregator.Settled;
        bool plateauReported = false;
        double bestBeforeAnneal = double.NaN;
        try
        {
            while (true)
            {
                await Task.Delay(interval, time, stop).ConfigureAwait(false);
                long started = time.GetTimestamp();
                long examples = aggregator.Statistics().Examples;
                LastLoss = Score();
                var cost = time.GetElapsedTime(started);
                LogCheck(logger, examples, LastLoss, cost.TotalMilliseconds);
                var spacing = cost * (mayStop ? CostMultipleUntilConverged : CostMultipleOtherwise);
                interval = spacing > MinimumInterval ? spacing : MinimumInterval;

                // A move of k changes the noise floor the loss settles to: the judgement starts afresh.
                if (aggregator.Settled != settled)
                {
                    settled = !settled;
                    detector.Restart(examples);
                    slowdown?.Restart(examples);
                }

                // Before the plateau, a slowdown is a step of k.
                if (!settled && !plateauReported && slowdown?.Observe(examples, LastLoss) is { } slowed)
                {
                    aggregator.ReportValidationSlowdown();
                    LogSlowed(logger, slowed.SecondHalfBest, slowed.FirstHalfBest, slowed.Examples);
                }

                if (detector.Observe(examples, LastLoss) is not { } plateau)
                {
                    continue;
                }

                if (!settled && !plateauReported)
                {
                    plateauReported = true;
                    aggregator.ReportValidationPlateau();
                    detector.Restart(examples);
                    LogReported(logger, plateau.SecondHalfBest, plateau.FirstHalfBest, plateau.Examples, plateau.Scatter);
                    continue;
                }

                if (!mayStop)
                {
                    detector.Restart(examples);
                    continue;
                }

                // The first halving is always tried; each further one only if the last one paid.
                double phaseBest = detector.Best;
                bool paid = double.IsNaN(bestBeforeAnneal) || phaseBest < bestBeforeAnneal * (1 - options.Tolerance);
                if (anneals < options.Anneals && paid)
                {
                    anneals++;
                    bestBeforeAnneal = double.IsNaN(bestBeforeAnneal) ? phaseBest : Math.Min(bestBeforeAnneal, phaseBest);
                    aggregator.ScaleLearningRate(0.5f);
                    detector.Restart(examples);
                    LogAnnealed(logger, plateau.SecondHalfBest, plateau.FirstHalfBest, plateau.Examples, plateau.Scatter, aggregator.LearningRate);
                    continue;
                }

                Plateau = plateau;
                LogConverged(logger, plateau.SecondHalfBest, plateau.FirstHalfBest, plateau.Examples, options.Tolerance, plateau.Scatter);
                await converged.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Training ended some other way.
        }
    }

    private double Score() => Score(board.Acquire());

    /// <summary>Scores <paramref name="snapshot"/> and releases it.</summary>
    private double Score(WeightsSnapshot snapshot)
    {
        try
        {
            var result = validation.Evaluate(snapshot.Values);
            return result.LogLoss ?? result.Rmse ?? double.NaN;
        }
        finally
        {
            board.Release(snapshot);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Validation check after {Examples} examples: loss {Loss:G5} ({Milliseconds:F1} ms)")]
    private static partial void LogCheck(ILogger logger, long examples, double loss, double milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Validation loss slowed ({Second:G5} over the last half of {Examples} examples vs {First:G5} before) with k still moving: the policy may raise it")]
    private static partial void LogSlowed(ILogger logger, double second, double first, long examples);

    [LoggerMessage(Level = LogLevel.Information, Message = "Validation loss plateaued ({Second:G5} over the last half of {Examples} examples vs {First:G5} before; checks scatter {Scatter:G2}) with k still moving: the policy is told to settle")]
    private static partial void LogReported(ILogger logger, double second, double first, long examples, double scatter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Validation loss plateaued ({Second:G5} over the last half of {Examples} examples vs {First:G5} before; checks scatter {Scatter:G2}): learning rate halved to {LearningRate}")]
    private static partial void LogAnnealed(ILogger logger, double second, double first, long examples, double scatter, float learningRate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Converged: the best validation loss over the last half of {Examples} examples ({Second:G5}) is within {Tolerance:P1} of the best before ({First:G5}), or within one check's scatter ({Scatter:G2})")]
    private static partial void LogConverged(ILogger logger, double second, double first, long examples, double tolerance, double scatter);
}
