using System.Diagnostics.Metrics;

namespace HybridSgd.Pipeline.Observability;

/// <summary>
/// The "HybridSgd" meter: what <c>dotnet-counters monitor --counters HybridSgd</c> shows. One instance lives as
/// long as its host (a service passes it to every run), so counters and progressive figures accumulate across
/// runs. Recording is cheap and lock-free on the hot path; the gauges read the latest values when observed.
/// </summary>
public sealed class TrainingMetrics
{
    public const string MeterName = "HybridSgd";

    private readonly Counter<long> _examples;
    private readonly Counter<long> _updates;
    private readonly Counter<long> _skippedUpdates;
    private readonly Counter<long> _droppedMinibatches;
    private readonly Histogram<long> _staleness;
    private readonly ProgressiveTally _progressive = new();
    private int _threshold;
    private double _learningRate = double.NaN;
    private double _testLoss = double.NaN;
    private double _testScore = double.NaN;

    /// <param name="meterFactory">The host's factory (dependency injection), so the meter's lifetime is the host's.</param>
    public TrainingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        _examples = Meter.CreateCounter<long>("hybridsgd.examples", "{example}", "Examples learned from (in applied and skipped updates).");
        _updates = Meter.CreateCounter<long>("hybridsgd.updates", "{update}", "Updates applied to the weights.");
        _skippedUpdates = Meter.CreateCounter<long>("hybridsgd.updates.skipped", "{update}", "Updates refused: non-finite or diverging.");
        _droppedMinibatches = Meter.CreateCounter<long>("hybridsgd.minibatches.dropped", "{minibatch}", "Minibatches dropped after a worker failed on them twice.");
        _staleness = Meter.CreateHistogram<long>("hybridsgd.gradient.staleness", "{version}", "Weights versions between a gradient's computation and its application.");
        Meter.CreateObservableGauge("hybridsgd.threshold", () => Volatile.Read(ref _threshold), "{gradient}", "Current threshold k: gradients per update.");
        Meter.CreateObservableGauge("hybridsgd.learning_rate", () => Volatile.Read(ref _learningRate), null, "Current learning rate (lowered when updates diverge).");
        Meter.CreateObservableGauge("hybridsgd.progressive.loss", () => _progressive.Snapshot().MeanLoss, null, "Mean loss of examples scored before they were learned from.");
        Meter.CreateObservableGauge("hybridsgd.progressive.accuracy", () => _progressive.Snapshot().Accuracy ?? double.NaN, null, "Accuracy of examples predicted before they were learned from.");
        Meter.CreateObservableGauge("hybridsgd.test.loss", () => Volatile.Read(ref _testLoss), null, "Latest test log-loss (RMSE for regression).");
        Meter.CreateObservableGauge("hybridsgd.test.accuracy", () => Volatile.Read(ref _testScore), null, "Latest test accuracy (R² for regression).");
    }

    /// <summary>The meter itself, for the host to add its own instruments (inbox length, checkpoint age).</summary>
    public Meter Meter { get; }

    /// <summary>Progressive validation over everything this instance has seen.</summary>
    public ProgressiveScore Progressive => _progressive.Snapshot();

    /// <summary>Records a test evaluation (from the learning curve or the host's held-out file).</summary>
    public void RecordTest(double? score, double? loss)
    {
        Volatile.Write(ref _testScore, score ?? double.NaN);
        Volatile.Write(ref _testLoss, loss ?? double.NaN);
    }

    internal void RecordUpdate(int examples, bool applied)
    {
        _examples.Add(examples);
        (applied ? _updates : _skippedUpdates).Add(1);
    }

    internal void RecordStaleness(long staleness) => _staleness.Record(staleness);

    internal void RecordThreshold(int threshold) => Volatile.Write(ref _threshold, threshold);

    internal void RecordLearningRate(float learningRate) => Volatile.Write(ref _learningRate, learningRate);

    internal void RecordDropped() => _droppedMinibatches.Add(1);

    internal void RecordProgressive(int examples, double meanLoss, int? correct) => _progressive.Add(examples, meanLoss, correct);
}
