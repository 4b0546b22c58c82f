using System.Diagnostics.Metrics;
using HybridSgd.Pipeline.Aggregation;
using System.Numerics.Tensors;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Observability;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

/// <summary>
/// The run-level hooks a streaming service is built on: continuing from given weights, progress from the
/// caller, progressive validation and the "HybridSgd" meter.
/// </summary>
public sealed class StreamingRunTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task TwoRunsOfOneEpoch_ContinuingFromTheWeights_EqualOneRunOfTwoEpochs()
    {
        var data = FashionMnistSubset.Load(640, 100);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var once = await Train(data, model, TestOptions.Replay(TrainingMode.Sync, workers: 2, batchSize: 16, epochs: 2), new TrainerEnvironment());

        var first = await Train(data, model, TestOptions.Replay(TrainingMode.Sync, workers: 2, batchSize: 16), new TrainerEnvironment());
        var second = await Train(data, model, TestOptions.Replay(TrainingMode.Sync, workers: 2, batchSize: 16), new TrainerEnvironment { InitialWeights = first.Weights });

        Assert.Equal(once.Weights, second.Weights);
    }

    [Fact]
    public async Task Progress_FromTheCaller_DrivesTheThreshold()
    {
        var data = FashionMnistSubset.Load(640, 100);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var log = new UpdateLog();

        // Hybrid ramps k from 1 to the worker count over progress 0–0.5; a caller saying "0.9" means synchronous at once.
        var options = TestOptions.Replay(TrainingMode.Hybrid, workers: 4, batchSize: 16) with
        {
            Policy = new ThresholdPolicyOptions { Kind = ThresholdPolicyKind.Linear },
        };
        await Train(data, model, options, new TrainerEnvironment { Progress = _ => 0.9, OnUpdate = log.Record });

        var full = log.Updates.Where(u => u.Gradients.Count == 4).Count();
        Assert.True(log.Updates.Take(log.Updates.Count - 3).All(u => u.Threshold == 4), "every update before the drain used k = 4");
        Assert.True(full >= 8, $"{full} full rounds");
    }

    [Fact]
    public async Task ProgressiveValidation_ScoresEveryExampleWithTheWeightsBeforeLearningIt()
    {
        var data = FashionMnistSubset.Load(1_000, 100);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var options = TestOptions.Replay(TrainingMode.Async, workers: 1, batchSize: 32, epochs: 2);

        var result = await Train(data, model, options, new TrainerEnvironment { ProgressiveValidation = true });

        // The same predict-then-learn by hand: one worker replaying the rows in order is sequential SGD.
        var rows = DenseDataset.FromDataView(data.Train);
        var weights = new float[model.ParameterCount];
        model.InitializeParameters(weights, new Random(options.Seed));
        var kernel = model.CreateKernel();
        var gradient = new float[model.ParameterCount];
        var prediction = new float[model.OutputCount];
        var optimizer = new SgdOptimizer(options.LearningRate!.Value, options.L2!.Value);
        double lossSum = 0;
        int correct = 0;
        for (int epoch = 0; epoch < 2; epoch++)
        {
            for (int start = 0; start < rows.Count; start += 32)
            {
                var batch = rows.Slice(start, Math.Min(32, rows.Count - start));
                for (int r = 0; r < batch.Count; r++)
                {
                    kernel.Predict(weights, batch.Row(r), prediction);
                    correct += TensorPrimitives.IndexOfMax(prediction) == (int)batch.Labels[r] ? 1 : 0;
                }

                lossSum += kernel.ComputeGradient(weights, batch, gradient) * batch.Count;
                optimizer.Step(weights, gradient);
            }
        }

        var progressive = result.Progressive;
        Assert.Equal(2_000, progressive.Examples);
        Assert.Equal(correct / 2_000.0, progressive.Accuracy!.Value, 12);
        Assert.Equal(lossSum / 2_000, progressive.MeanLoss, 9);
    }

    [Fact]
    public async Task Metrics_PublishUpdatesExamplesThresholdAndStaleness()
    {
        using var factory = new TestMeterFactory();
        var metrics = new TrainingMetrics(factory);
        var seen = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // This test's meter only: other tests running beside it publish the same instruments from their own meters
            // (a threshold gauge reading 0 from another run once replaced this run's 1).
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument.Name, value));
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Set(instrument.Name, value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Set(instrument.Name, value));
        listener.Start();

        var data = FashionMnistSubset.Load(640, 100);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var observer = new TestSetObserver(model, data.Test, TimeSpan.FromSeconds(30), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, metrics);
        var result = await Train(data, model, TestOptions.Replay(TrainingMode.Sync, workers: 2, batchSize: 16), new TrainerEnvironment { Metrics = metrics, Observer = observer });
        listener.RecordObservableInstruments();

        lock (seen)
        {
            Assert.Equal(result.Statistics.Updates, seen["hybridsgd.updates"]);
            Assert.Equal(640, seen["hybridsgd.examples"]);
            Assert.Equal(result.Statistics.Gradients, seen["hybridsgd.gradient.staleness#count"]);
            Assert.Equal(1, seen["hybridsgd.threshold"]);      // capped at 1 as the last worker retired
            Assert.Equal(data.Score(model, result.Weights).Accuracy!.Value, seen["hybridsgd.test.accuracy"], 9); // the observer's final call
            Assert.Equal(metrics.Progressive.MeanLoss, seen["hybridsgd.progressive.loss"], 9);
        }

        void Add(string name, long value)
        {
            lock (seen)
            {
                string key = name == "hybridsgd.gradient.staleness" ? name + "#count" : name;
                seen[key] = seen.GetValueOrDefault(key) + (key.EndsWith("#count", StringComparison.Ordinal) ? 1 : value);
            }
        }

        void Set(string name, double value)
        {
            lock (seen)
            {
                seen[name] = value;
            }
        }
    }

    [Fact]
    public void DivergenceGuard_RefusesExplodingLossAfterWarmup_AndAsksToSlowDownWhenRefusalsRepeat()
    {
        var guard = new DivergenceGuard();
        Assert.Null(guard.Check(finiteGradient: true, meanLoss: 1e6));   // no typical loss yet: cannot call it an explosion
        for (int i = 0; i < 20; i++)
        {
            guard.Accepted(2.0);
        }

        Assert.Null(guard.Check(true, 150));
        Assert.NotNull(guard.Check(true, 250));
        Assert.NotNull(guard.Check(false, 1));
        Assert.NotNull(guard.Check(true, double.NaN));
        Assert.False(guard.Refused());
        Assert.False(guard.Refused());
        Assert.True(guard.Refused());
        Assert.Null(guard.Check(true, 250));   // measuring afresh after slowing down
    }

    [Fact]
    public void DivergenceGuard_OnNearSeparableData_AcceptsAMinibatchHoldingOneMisclassifiedRow()
    {
        // Logistic loss starts near ln 2 and, on near-separable rows, falls towards zero; with batch 2 a single
        // misclassified row (margin −7, loss ≈ 7) makes a minibatch mean of 3.5, hundreds of times the typical loss.
        // That gradient is learning, not an explosion: the limit never falls below 100× the starting loss.
        var guard = new DivergenceGuard();
        for (int i = 0; i < 20; i++)
        {
            guard.Accepted(0.69);
        }

        for (int i = 0; i < 200; i++)
        {
            guard.Accepted(0.005);
        }

        Assert.Null(guard.Check(true, 3.5));
        Assert.NotNull(guard.Check(true, 80));   // 100× the starting loss (0.69): an explosion whatever the data

        // Slowing down re-measures the typical loss, never the starting one.
        Assert.False(guard.Refused());
        Assert.False(guard.Refused());
        Assert.True(guard.Refused());
        for (int i = 0; i < 20; i++)
        {
            guard.Accepted(0.005);
        }

        Assert.Null(guard.Check(true, 3.5));
        Assert.NotNull(guard.Check(true, 80));
    }

    private static Task<TrainingResult> Train(TestSplit data, IModel model, TrainingOptions options, TrainerEnvironment environment) =>
        HybridTrainer.TrainAsync(data.InMemory, model, options, environment, CancellationToken.None).WaitAsync(Patience);
}
