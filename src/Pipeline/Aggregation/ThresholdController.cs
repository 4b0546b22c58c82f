using System.Globalization;
using HybridSgd.Pipeline.Observability;
using HybridSgd.Pipeline.Policies;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Pipeline.Aggregation;

/// <summary>
/// The aggregator's half that decides k: asks the policy after every update, caps its answer at the live
/// workers, and records and logs every change with the signals behind it. Not thread-safe: the aggregator calls
/// it under its lock.
/// </summary>
internal sealed partial class ThresholdController(IThresholdPolicy policy, ILogger logger, TrainingMetrics? metrics)
{
    private readonly List<ThresholdChange> _changes = [];
    private ThresholdDecision _decision;

    public IThresholdPolicy Policy => policy;

    /// <summary>The k in force.</summary>
    public int Threshold { get; private set; }

    /// <summary>The policy means to keep k where it is (see <see cref="ThresholdDecision.Settled"/>).</summary>
    public bool Settled => _decision.Settled;

    public IReadOnlyList<ThresholdChange> Changes => _changes.ToArray();

    /// <summary>The first k, before any update.</summary>
    public int Start(in UpdateSignals signals)
    {
        _decision = policy.Decide(signals);
        Threshold = Cap(_decision.Threshold, signals.LiveWorkers);
        metrics?.RecordThreshold(Threshold);
        return Threshold;
    }

    /// <summary>The k wanted after an update (capped at the live workers).</summary>
    public int Decide(in UpdateSignals signals)
    {
        _decision = policy.Decide(signals);
        return Cap(_decision.Threshold, signals.LiveWorkers);
    }

    /// <summary>The k wanted when only the number of live workers changed.</summary>
    public int Target(int liveWorkers) => Cap(_decision.Threshold, liveWorkers);

    /// <summary>
    /// Makes <paramref name="threshold"/> the k in force. <paramref name="cause"/> names what moved the live-worker cap
    /// (workers retired or joined); null when the policy's own decision did, whose reason and evidence are recorded.
    /// </summary>
    public void Change(int threshold, ThresholdReason? cause, double seconds, int carried)
    {
        var reason = cause ?? _decision.Reason;
        var change = new ThresholdChange(seconds, Threshold, threshold, reason, cause is null ? _decision.Evidence : null);
        _changes.Add(change);
        LogChanged(logger, change.OldThreshold, change.NewThreshold, seconds, reason, Describe(change.Evidence), carried);
        Threshold = threshold;
        metrics?.RecordThreshold(threshold);
    }

    private static int Cap(int wanted, int liveWorkers) => Math.Clamp(wanted, 1, Math.Max(1, liveWorkers));

    private static string Describe(ThresholdEvidence? evidence) => evidence is null
        ? ""
        : string.Create(
            CultureInfo.InvariantCulture,
            $": noise scale {Number(evidence.NoiseScale, "F0")} examples vs {Number(evidence.ExamplesPerStep, "F0")} per step, progressive loss {Number(evidence.WindowLoss, "F4")} over the last window, {Number(evidence.PreviousWindowLoss, "F4")} over the one before, {evidence.FastWorkers} workers at pace");

    private static string Number(double? value, string format) => value switch
    {
        null => "n/a",
        >= ThresholdEvidence.Unbounded => "∞",
        { } known => known.ToString(format, CultureInfo.InvariantCulture),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Threshold k {Old} -> {New} at {Seconds:F2}s ({Reason}{Evidence}); {Carried} gradients carried over")]
    private static partial void LogChanged(ILogger logger, int old, int @new, double seconds, ThresholdReason reason, string evidence, int carried);
}
