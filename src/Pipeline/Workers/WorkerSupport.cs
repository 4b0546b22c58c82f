using HybridSgd.Pipeline.Observability;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Pipeline.Workers;

/// <summary>What every worker of a run shares: its policies for failures and scoring, and where it reports.</summary>
internal sealed class WorkerSupport(bool replaceFailedKernels, bool scoreBeforeLearning, TrainingMetrics? metrics, ILogger logger)
{
    private long _dropped;

    /// <summary>A kernel that throws is replaced and the minibatch retried once, then dropped (else the run faults).</summary>
    public bool ReplaceFailedKernels => replaceFailedKernels;

    /// <summary>Predict each minibatch before learning from it, for progressive accuracy.</summary>
    public bool ScoreBeforeLearning => scoreBeforeLearning;

    public ILogger Logger => logger;

    /// <summary>Progressive validation of this run (the metrics, if any, accumulate across runs).</summary>
    public ProgressiveTally Progressive { get; } = new();

    public long DroppedMinibatches => Interlocked.Read(ref _dropped);

    public void RecordProgressive(int examples, double meanLoss, int? correct)
    {
        Progressive.Add(examples, meanLoss, correct);
        metrics?.RecordProgressive(examples, meanLoss, correct);
    }

    public void RecordDropped()
    {
        Interlocked.Increment(ref _dropped);
        metrics?.RecordDropped();
    }
}
