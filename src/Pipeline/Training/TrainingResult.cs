using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Observability;

namespace HybridSgd.Pipeline.Training;

/// <summary>The outcome of one run: what was trained, how fast, how well, and the weights.</summary>
public sealed record TrainingResult
{
    public required string Dataset { get; init; }

    public required string Model { get; init; }

    public required TrainingMode Mode { get; init; }

    public required string Policy { get; init; }

    public required int Workers { get; init; }

    public required int Seed { get; init; }

    public required double TrainSeconds { get; init; }

    /// <summary>Why the run ended.</summary>
    public required RunEnd EndedBy { get; init; }

    /// <summary>The learning rate the run started with (as configured, or estimated from the data).</summary>
    public required float LearningRate { get; init; }

    /// <summary>The L2 penalty of the run (as configured, or chosen for the model and the data's size).</summary>
    public required float L2 { get; init; }

    /// <summary>Examples in one worker's minibatch (as configured, or as chosen for the data's size).</summary>
    public required int BatchSize { get; init; }

    /// <summary>The last validation loss measured (log-loss, or RMSE for regression); null without a validation slice.</summary>
    public double? ValidationLoss { get; init; }

    public required AggregationStatistics Statistics { get; init; }

    public required long SkippedRows { get; init; }

    public required IReadOnlyList<ThresholdChange> ThresholdChanges { get; init; }

    public required float[] Weights { get; init; }

    /// <summary>Predict-then-learn figures of this run's minibatches (see <see cref="ProgressiveScore"/>).</summary>
    public ProgressiveScore Progressive { get; init; } = ProgressiveScore.None;

    /// <summary>The learning rate at the end: lower than configured if refused updates repeated.</summary>
    public float FinalLearningRate { get; init; }

    /// <summary>Minibatches dropped because a worker failed on them twice (only with replaced workers).</summary>
    public long DroppedMinibatches { get; init; }
}
