using System.ComponentModel.DataAnnotations;

namespace HybridSgd.Pipeline.Configuration;

/// <summary>
/// Everything that shapes one training run (section <c>Training</c>). Defaults live here and only here;
/// <see cref="TrainingOptionsValidator"/> checks the rules that span fields.
/// </summary>
public sealed record TrainingOptions
{
    public const string SectionName = "Training";

    public TrainingMode Mode { get; init; } = TrainingMode.Hybrid;

    [Range(1, 256)]
    public int Workers { get; init; } = 4;

    /// <summary>
    /// Examples in one worker's minibatch (b); null for <see cref="AutoBatchSize"/>: so that each worker sees at
    /// least 64 minibatches per epoch, between 2 and 64 examples.
    /// </summary>
    [Range(1, 65536)]
    public int? BatchSize { get; init; }

    /// <summary>
    /// Step size η of w ← w − η·mean(gradients); null to estimate it from the data's second moment and the loss
    /// (see <see cref="Optimization.LearningRateEstimate"/>).
    /// </summary>
    [Range(1e-9, 1000.0)]
    public float? LearningRate { get; init; }

    /// <summary>How η falls over training progress (the threshold policy's p: fraction of the budget or epochs).</summary>
    public LearningRateDecay LearningRateDecay { get; init; } = LearningRateDecay.None;

    /// <summary>With a decay, the fraction of η left at the end of training.</summary>
    [Range(0.0, 1.0)]
    public float FinalLearningRateFraction { get; init; } = 0.05f;

    /// <summary>
    /// L2 penalty λ, applied as weight decay on every parameter; null for ML.NET SDCA's default on a linear classifier
    /// and 1e-5 otherwise (see <see cref="Optimization.RegularizationEstimate"/>).
    /// </summary>
    [Range(0.0, 1.0)]
    public float? L2 { get; init; }

    /// <summary>What ends the run; a budget or epochs, when set, cap it whatever the rule.</summary>
    public StopRule Stop { get; init; } = StopRule.Converged;

    [Required]
    public ConvergenceOptions Convergence { get; init; } = new();

    /// <summary>Scale each gradient's step by 1/staleness (Zhang et al. 2016, "Staleness-aware Async-SGD").</summary>
    public bool StalenessAwareStep { get; init; }

    /// <summary>Passes over the training data; null for no limit.</summary>
    [Range(1, 1_000_000)]
    public int? Epochs { get; init; }

    /// <summary>Wall-clock training time; null for no limit.</summary>
    public Duration? Budget { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>Shuffle the training rows every epoch. Off only for tests that replay an exact order.</summary>
    public bool Shuffle { get; init; } = true;

    [Required]
    public ThresholdPolicyOptions Policy { get; init; } = new();

    /// <summary>Minibatches the loader may read ahead of the workers (backpressure beyond that).</summary>
    [Range(1, 1024)]
    public int LoaderBufferedBatches { get; init; } = 8;

    /// <summary>Bounded capacity of the aggregator's batch block, in batches of the current k.</summary>
    [Range(1, 64)]
    public int AggregatorBufferedBatches { get; init; } = 1;

    /// <summary>How often the test set is scored while training (one point of the report's curve).</summary>
    public Duration EvaluationInterval { get; init; } = new(TimeSpan.FromSeconds(1));

    /// <summary>The largest minibatch <see cref="AutoBatchSize"/> picks: large data keeps the tested default.</summary>
    public const int MaximumAutoBatchSize = 64;

    /// <summary>
    /// b for <paramref name="rows"/> training rows: at least 64 minibatches per worker per epoch (a small file must
    /// not be a handful of updates per pass), at least 2 examples (the noise probe splits a minibatch in halves)
    /// and at most <see cref="MaximumAutoBatchSize"/>.
    /// </summary>
    public static int AutoBatchSize(long? rows, int workers) => rows is { } count
        ? (int)Math.Clamp(count / (64L * Math.Max(1, workers)), 2, MaximumAutoBatchSize)
        : MaximumAutoBatchSize;
}
