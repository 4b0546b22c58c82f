using System.ComponentModel.DataAnnotations;

namespace HybridSgd.Pipeline.Configuration;

/// <summary>
/// Everything that shapes one training run (section <c>Training</c>). Defaults live here and only here;
/// <see cref="TrainingOptionsValidator"/> checks the rules that span fields.
/// </summary>
public sealed class TrainingOptions
{
    public const string SectionName = "Training";

    public TrainingMode Mode { get; set; } = TrainingMode.Hybrid;

    [Range(1, 256)]
    public int Workers { get; set; } = 4;

    /// <summary>Examples in one worker's minibatch (b).</summary>
    [Range(1, 65536)]
    public int BatchSize { get; set; } = 64;

    /// <summary>Step size η of w ← w − η·mean(gradients).</summary>
    [Range(1e-9, 1000.0)]
    public float LearningRate { get; set; } = 0.05f;

    /// <summary>How η falls over training progress (the threshold policy's p: fraction of the budget or epochs).</summary>
    public LearningRateDecay LearningRateDecay { get; set; } = LearningRateDecay.None;

    /// <summary>With a decay, the fraction of η left at the end of training.</summary>
    [Range(0.0, 1.0)]
    public float FinalLearningRateFraction { get; set; } = 0.05f;

    /// <summary>L2 penalty λ, applied as weight decay on every parameter.</summary>
    [Range(0.0, 1.0)]
    public float L2 { get; set; } = 1e-5f;

    /// <summary>Passes over the training data; null for no limit (then a budget is required).</summary>
    [Range(1, 1_000_000)]
    public int? Epochs { get; set; }

    /// <summary>Wall-clock training time; null for no limit (then epochs are required).</summary>
    public Duration? Budget { get; set; }

    public int Seed { get; set; } = 1;

    /// <summary>Shuffle the training rows every epoch. Off only for tests that replay an exact order.</summary>
    public bool Shuffle { get; set; } = true;

    [Required]
    public ThresholdPolicyOptions Policy { get; set; } = new();

    /// <summary>Minibatches the loader may read ahead of the workers (backpressure beyond that).</summary>
    [Range(1, 1024)]
    public int LoaderBufferedBatches { get; set; } = 8;

    /// <summary>Bounded capacity of the aggregator's batch block, in batches of the current k.</summary>
    [Range(1, 64)]
    public int AggregatorBufferedBatches { get; set; } = 1;

    /// <summary>How often the test set is scored while training (one point of the report's curve).</summary>
    public Duration EvaluationInterval { get; set; } = new(TimeSpan.FromSeconds(1));
}
