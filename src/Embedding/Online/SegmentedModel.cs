using HybridSgd.Embedding.Checkpoints;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Observability;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Pipeline.Persistence;
using HybridSgd.Pipeline.Policies;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Embedding.Online;

/// <summary>
/// A model trained on an endless stream, a segment at a time (a file of serve's, or what an app wrote into its
/// channel), and everything that must carry over from one segment to the next: the weights, the learning rate the
/// aggregator left (it halves it when updates diverge), the threshold policy with its measurements, and the totals.
/// It changes only when a segment finishes, so at any moment it is an exact segment-boundary state: what a
/// checkpoint stores.
/// </summary>
internal sealed class SegmentedModel
{
    private readonly TrainingOptions _configured;
    private readonly Func<TrainingTotals, Func<RunCounts, double>>? _progress;
    private readonly TrainerEnvironment _environment;
    private readonly IThresholdPolicy _policy;
    private float[] _weights;

    /// <param name="progress">
    /// For a fixed ramp policy, its progress p over the stream's life from the totals before a segment; null for
    /// the adaptive policy (which needs none).
    /// </param>
    public SegmentedModel(
        IModel model, ModelHeader header, float[] weights, float? learningRate, TrainingTotals totals,
        TrainingOptions configured, TrainerEnvironment environment, Func<TrainingTotals, Func<RunCounts, double>>? progress = null)
    {
        if (weights.Length != model.ParameterCount)
        {
            throw new InvalidDataException($"The checkpoint holds {weights.Length} weights; model '{model.Name}' has {model.ParameterCount}.");
        }

        Model = model;
        Header = header;
        _weights = weights;
        LearningRate = learningRate;
        Totals = totals;
        _configured = configured;
        _progress = progress;
        _environment = environment;
        ClassCount = model.Task == LearningTask.Regression ? 0 : header.ClassNames.Count;

        // One policy for the service's life, not one per segment: the adaptive policy's measurements (noise
        // scale, worker pace, loss windows) and its k carry over from segment to segment.
        _policy = ThresholdPolicyFactory.Create(configured.Mode, configured.Policy);
    }

    public IModel Model { get; }

    public ModelHeader Header { get; }

    public int ClassCount { get; }

    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>The learning rate now (null for a fresh model with none configured, until its first segment estimates it).</summary>
    public float? LearningRate { get; private set; }

    public TrainingTotals Totals { get; private set; }

    /// <summary>
    /// Score each minibatch before learning from it (the progressive loss and accuracy <c>serve</c> reports). An
    /// app's online trainer reports no such figure, so it skips the extra forward pass.
    /// </summary>
    public bool ProgressiveValidation { get; init; } = true;

    /// <summary>A fresh model, initialised from the training seed.</summary>
    public static float[] Initial(IModel model, int seed)
    {
        var weights = new float[model.ParameterCount];
        model.InitializeParameters(weights, new Random(seed));
        return weights;
    }

    public void RecordFiles(int done, int failed) =>
        Totals = Totals with { FilesDone = Totals.FilesDone + done, FilesFailed = Totals.FilesFailed + failed };

    /// <summary>
    /// Trains one epoch over <paramref name="segment"/> from the current weights. Returns null, leaving the model
    /// as it was, when <paramref name="stop"/> ended the segment before all of it was learned: the rows are then
    /// read again after a restart rather than half-counted.
    /// </summary>
    /// <param name="rows">Rows of the file the segment consumed: those in <paramref name="segment"/> and those it skipped.</param>
    /// <param name="observer">Watches the segment's training (an app's live model takes the weights from it).</param>
    public async Task<SegmentOutcome?> TrainAsync(DenseDataset segment, int rows, string name, CancellationToken stop, ITrainingObserver? observer = null)
    {
        long skipped = segment.SkippedRows;
        if (segment.Count == 0)
        {
            // Nothing usable to learn from (every label missing): the rows are consumed all the same.
            var empty = new SegmentOutcome(rows, 0, 0, 0, skipped, 0, ProgressiveScore.None, 0);
            Totals = Add(Totals, empty);
            return empty;
        }

        // Segments are scored on nothing here: the caller scores its own test rows on its own schedule.
        LearningRate ??= LearningRateEstimate.Suggest(Model, segment);
        var data = new TrainingSet(name, TrainingRows.InMemory(segment), Model.Task, ClassCount);
        var environment = new TrainerEnvironment
        {
            Logger = _environment.Logger,
            Time = _environment.Time,
            Cluster = _environment.Cluster,
            Metrics = _environment.Metrics,
            InitialWeights = _weights,
            Progress = _progress?.Invoke(Totals),
            Observer = observer,
            ReplaceFailedWorkers = true,
            ProgressiveValidation = ProgressiveValidation,
        };
        var result = await HybridTrainer.TrainAsync(data, Model, _policy, SegmentOptions(), environment, stop).ConfigureAwait(false);
        if (result.EndedBy == RunEnd.Stopped)
        {
            return null;
        }

        var statistics = result.Statistics;
        var outcome = new SegmentOutcome(
            rows, statistics.Examples, statistics.Updates, result.TrainSeconds, skipped, result.DroppedMinibatches, result.Progressive, statistics.Threshold);
        _weights = result.Weights;
        LearningRate = result.FinalLearningRate;
        Totals = Add(Totals, outcome);
        return outcome;
    }

    private static TrainingTotals Add(TrainingTotals totals, SegmentOutcome segment)
    {
        var progressive = segment.Progressive;
        bool scored = progressive.Examples > 0 && double.IsFinite(progressive.MeanLoss);
        return totals with
        {
            Rows = totals.Rows + segment.Rows,
            Examples = totals.Examples + segment.Examples,
            Updates = totals.Updates + segment.Updates,
            TrainingSeconds = totals.TrainingSeconds + segment.Seconds,
            Segments = totals.Segments + 1,
            SkippedRows = totals.SkippedRows + segment.SkippedRows,
            DroppedMinibatches = totals.DroppedMinibatches + segment.DroppedMinibatches,
            ProgressiveExamples = totals.ProgressiveExamples + (scored ? progressive.Examples : 0),
            ProgressiveLossSum = totals.ProgressiveLossSum + (scored ? progressive.MeanLoss * progressive.Examples : 0),
            ProgressiveScored = totals.ProgressiveScored + (scored && progressive.Accuracy is not null ? progressive.Examples : 0),
            ProgressiveCorrect = totals.ProgressiveCorrect + (scored && progressive.Accuracy is { } accuracy ? accuracy * progressive.Examples : 0),
        };
    }

    /// <summary>
    /// The configured training options for one pass over one segment, from the current learning rate. The seed moves
    /// on with every segment so each is shuffled differently, yet a replay from a checkpoint shuffles the same way.
    /// </summary>
    private TrainingOptions SegmentOptions() => _configured with
    {
        Seed = unchecked(_configured.Seed + (int)Totals.Segments),
        LearningRate = LearningRate,
        Epochs = 1,
        Budget = null,
        Stop = StopRule.Epochs,
    };
}
