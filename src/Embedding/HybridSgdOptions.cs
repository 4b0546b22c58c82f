using System.ComponentModel.DataAnnotations;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;

namespace HybridSgd.Embedding;

/// <summary>
/// An online trainer inside the user's app (the section passed to <c>AddHybridSgd</c>, "HybridSgd" by
/// convention): what the examples are, which model, how it trains, how examples wait in the channel, and where
/// checkpoints go. <see cref="Training"/> is the same section <c>hybridsgd train</c> reads.
/// </summary>
public sealed record HybridSgdOptions
{
    public const string SectionName = "HybridSgd";

    /// <summary>What the label asks for.</summary>
    public LearningTask Task { get; init; } = LearningTask.Multiclass;

    /// <summary>Inputs per example.</summary>
    [Range(1, int.MaxValue)]
    public int FeatureCount { get; init; }

    /// <summary>Classes of a classifier's label (0..ClassCount−1); ignored for regression.</summary>
    [Range(0, 1 << 24)]
    public int ClassCount { get; init; }

    /// <summary>softmax, logistic, linear or mlp; empty for the task's linear model.</summary>
    public string Model { get; init; } = "";

    /// <summary>Hidden layer widths of an mlp, e.g. [128].</summary>
    public int[]? HiddenLayers { get; init; }

    [Required]
    public TrainingOptions Training { get; init; } = new();

    /// <summary>
    /// Examples the channel holds before <see cref="FullMode"/> applies: a burst the trainer has not caught up with.
    /// The trainer reads the channel continuously, so it need not hold more, and a small channel is faster: its
    /// examples are still in the cache when the trainer copies them (784 features are 3 KB; 128 of them fit in a
    /// core's L2). Measured on an idle 2-core machine (bench's embedding part, median of 3 rounds, channel examples/s
    /// over the in-memory path's): 8,192 → 0.65–0.67×, 1,024 → 0.80–0.83×, 512 → 0.85×, 256 → 0.88–0.92×,
    /// 128 → 0.96–1.00×. Raise it only if the app must absorb bursts without waiting (with <see cref="ChannelFull.DropOldest"/>).
    /// </summary>
    [Range(1, 100_000_000)]
    public int Capacity { get; init; } = 128;

    /// <summary>What a write into a full channel does: wait for room, or drop the oldest example (counted).</summary>
    public ChannelFull FullMode { get; init; } = ChannelFull.Wait;

    /// <summary>
    /// How long a partly filled minibatch waits for more examples when the channel runs dry before it is learned
    /// from as it is (a slow stream is learned from within this time; a fast one always fills its minibatches).
    /// </summary>
    public Duration BatchWait { get; init; } = new(TimeSpan.FromMilliseconds(50));

    /// <summary>How often the live model takes the latest weights while training goes on.</summary>
    public Duration PublishInterval { get; init; } = new(TimeSpan.FromMilliseconds(100));

    /// <summary>Where checkpoint.hsgdc, checkpoint.prev.hsgdc and model.hsgd go; empty for no checkpoints.</summary>
    public string ModelDirectory { get; init; } = "";

    /// <summary>
    /// How often a checkpoint is written while training goes on (checked at each publish, so at most one
    /// <see cref="PublishInterval"/> late), and always when the app stops.
    /// </summary>
    public Duration CheckpointInterval { get; init; } = new(TimeSpan.FromSeconds(30));
}
