using HybridSgd.Pipeline.Observability;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Pipeline.Workers;

/// <summary>What every worker of a run shares: its policies for failures, scoring and work per message, and where it reports.</summary>
/// <param name="replaceFailedKernels">A kernel that throws is replaced and the minibatch retried once, then dropped (else the run faults).</param>
/// <param name="scoreBeforeLearning">Predict each minibatch before learning from it, for progressive accuracy.</param>
/// <param name="probeNoise">Compute each gradient from two halves, for the noise scale the adaptive policy reads.</param>
/// <param name="maxLocalSteps">At most this many minibatches per message (1: always a plain gradient).</param>
/// <param name="l2">The L2 penalty workers apply in their own local steps.</param>
/// <param name="fixedLocalSteps">Always take <paramref name="maxLocalSteps"/> steps, whatever the timings (tests).</param>
internal sealed class WorkerSupport(
    bool replaceFailedKernels,
    bool scoreBeforeLearning,
    TrainingMetrics? metrics,
    ILogger logger,
    TimeProvider time,
    bool probeNoise = false,
    int maxLocalSteps = 1,
    float l2 = 0,
    bool fixedLocalSteps = false)
{
    private long _dropped;

    public bool ReplaceFailedKernels => replaceFailedKernels;

    public bool ScoreBeforeLearning => scoreBeforeLearning;

    public bool ProbeNoise => probeNoise;

    public int MaxLocalSteps => maxLocalSteps;

    public float L2 => l2;

    public bool FixedLocalSteps => fixedLocalSteps;

    public ILogger Logger => logger;

    /// <summary>The run's clock: what work and link times are measured with.</summary>
    public TimeProvider Time => time;

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
