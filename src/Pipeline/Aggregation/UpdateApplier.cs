using System.Numerics.Tensors;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Pipeline.Policies;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Pipeline.Aggregation;

/// <summary>
/// The aggregator's half that writes the weights: turns a group of worker messages into one update, applies it
/// unless it is unsafe, publishes the new version and releases the workers. Not thread-safe: the aggregator
/// calls it under its lock.
/// </summary>
/// <remarks>
/// Gradients (one step each) are averaged, weighted by their examples so that the mean equals the gradient over
/// the union of the minibatches even when the last one of the data is short, and stepped along with the
/// learning rate. Displacements (a worker's local steps, already taken at that learning rate) are averaged over
/// the live workers, not over the k in the group: with k = N that is plain model averaging, and with k &lt; N it
/// keeps N stale displacements from stacking up to N times the step — each of them may have walked all the way
/// along a steep direction.
/// </remarks>
internal sealed partial class UpdateApplier
{
    private readonly AggregatorSettings _settings;
    private readonly WeightsBoard _board;
    private readonly float[] _weights;
    private readonly float[] _mean;
    private readonly GradientSignal[] _signals;
    private readonly DivergenceGuard _guard = new();
    private IOptimizer _optimizer;

    public UpdateApplier(ReadOnlySpan<float> initialWeights, WeightsBoard board, AggregatorSettings settings)
    {
        _settings = settings;
        _optimizer = settings.Optimizer;
        _board = board;
        _weights = initialWeights.ToArray();
        _mean = new float[_weights.Length];
        _signals = new GradientSignal[Math.Max(1, settings.Workers)];
        settings.Metrics?.RecordLearningRate(_optimizer.LearningRate);
    }

    public UpdateCounters Counters { get; } = new();

    /// <summary>The learning rate now in force (lowered from the configured one when refused updates repeat, or by annealing).</summary>
    public float LearningRate => _optimizer.LearningRate;

    /// <summary>The step size of the next update: the learning rate times the schedule's factor at the current progress.</summary>
    public float StepSize => _optimizer.LearningRate * ScheduleFactor();

    public float[] CopyWeights() => (float[])_weights.Clone();

    /// <summary>Multiplies the learning rate by <paramref name="factor"/> from the next update on.</summary>
    public void ScaleLearningRate(float factor)
    {
        _optimizer = _optimizer.WithLearningRate(_optimizer.LearningRate * factor);
        _settings.Metrics?.RecordLearningRate(_optimizer.LearningRate);
    }

    /// <summary>
    /// Applies <paramref name="messages"/> (a group of the k in force, <paramref name="threshold"/>) as one update and
    /// returns what it measured, one signal per message.
    /// </summary>
    public ReadOnlySpan<GradientSignal> Apply(ReadOnlySpan<GradientMessage> messages, int threshold, int liveWorkers)
    {
        long versionBefore = Counters.Version;
        int examples = 0;
        int gradientExamples = 0;
        double loss = 0;
        foreach (var message in messages)
        {
            examples += message.ExampleCount;
            gradientExamples += message.IsDisplacement ? 0 : message.ExampleCount;
            loss += message.Loss * message.ExampleCount;
        }

        double meanLoss = loss / examples;
        bool hasGradients = gradientExamples > 0;

        // A single gradient (k = 1) is its own mean and is read in place: for large models the update is bound
        // by passes over memory, and this saves two of them.
        ReadOnlySpan<float> mean = !hasGradients ? default
            : messages.Length == 1 && !_settings.StalenessAwareStep ? messages[0].Gradient
            : Mean(messages, gradientExamples, versionBefore);

        // A single NaN or ±Inf makes a sum non-finite: such an update never reaches the weights, nor does one
        // whose loss has exploded (see DivergenceGuard).
        string? refusal = _guard.Check(Finite(messages, mean, hasGradients), meanLoss);
        bool applied = refusal is null;
        if (applied)
        {
            if (hasGradients)
            {
                _optimizer.Step(_weights, mean, ScheduleFactor());
            }

            AddDisplacements(messages, versionBefore, liveWorkers);
            _guard.Accepted(meanLoss);
        }
        else
        {
            LogSkipped(_settings.Logger, versionBefore, messages.Length, refusal!);
            if (_guard.Refused())
            {
                ScaleLearningRate(0.5f);
                LogSlowed(_settings.Logger, _optimizer.LearningRate);
            }
        }

        for (int i = 0; i < messages.Length; i++)
        {
            var message = messages[i];
            long staleness = versionBefore - message.WeightsVersion;
            Counters.RecordGradient(staleness);
            _settings.Metrics?.RecordStaleness(staleness);
            _signals[i] = new GradientSignal(
                message.WorkerId, message.ExampleCount, message.Steps, message.Loss, staleness, message.WorkSeconds, message.Noise);
        }

        _settings.Metrics?.RecordUpdate(examples, applied);
        long version = Counters.RecordUpdate(messages.Length, examples, meanLoss, applied);
        if (applied)
        {
            _board.Publish(_weights, version, StepSize);
        }

        _settings.OnUpdate?.Invoke(Describe(messages, threshold, version, !applied));
        foreach (var message in messages)
        {
            message.MarkApplied(version);
        }

        return _signals.AsSpan(0, messages.Length);
    }

    private float ScheduleFactor() => _settings.Schedule is { Decay: not LearningRateDecay.None } schedule
        ? schedule.FactorAt(_settings.Progress.At(Counters.Examples, Counters.Version))
        : 1f;

    /// <summary>Zhang et al. 2016: with the staleness-aware step, a gradient τ updates old counts 1/τ of a fresh one.</summary>
    private float StalenessFactor(GradientMessage message, long versionBefore) =>
        _settings.StalenessAwareStep ? 1f / Math.Max(1, versionBefore - message.WeightsVersion) : 1f;

    /// <summary>The mean of the gradient messages, weighted by example count (and staleness, when asked).</summary>
    private float[] Mean(ReadOnlySpan<GradientMessage> messages, int gradientExamples, long versionBefore)
    {
        _mean.AsSpan().Clear();
        foreach (var message in messages)
        {
            if (!message.IsDisplacement)
            {
                float weight = message.ExampleCount / (float)gradientExamples * StalenessFactor(message, versionBefore);
                TensorPrimitives.MultiplyAdd(message.Gradient, weight, _mean, _mean);
            }
        }

        return _mean;
    }

    private void AddDisplacements(ReadOnlySpan<GradientMessage> messages, long versionBefore, int liveWorkers)
    {
        foreach (var message in messages)
        {
            if (message.IsDisplacement)
            {
                float weight = -StalenessFactor(message, versionBefore) / Math.Max(1, liveWorkers);
                TensorPrimitives.MultiplyAdd(message.Gradient, weight, _weights, _weights);
            }
        }
    }

    private static bool Finite(ReadOnlySpan<GradientMessage> messages, ReadOnlySpan<float> mean, bool hasGradients)
    {
        if (hasGradients && !float.IsFinite(TensorPrimitives.Sum(mean)))
        {
            return false;
        }

        foreach (var message in messages)
        {
            if (message.IsDisplacement && !float.IsFinite(TensorPrimitives.Sum(message.Gradient)))
            {
                return false;
            }
        }

        return true;
    }

    private static AppliedUpdate Describe(ReadOnlySpan<GradientMessage> messages, int threshold, long version, bool skipped)
    {
        var gradients = new (int, long)[messages.Length];
        for (int i = 0; i < messages.Length; i++)
        {
            gradients[i] = (messages[i].WorkerId, messages[i].Sequence);
        }

        return new AppliedUpdate(version, threshold, gradients, skipped);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an update after version {Version} ({Gradients} gradients): {Reason}; weights unchanged")]
    private static partial void LogSkipped(ILogger logger, long version, int gradients, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused updates repeat: learning rate lowered to {LearningRate}")]
    private static partial void LogSlowed(ILogger logger, float learningRate);
}
