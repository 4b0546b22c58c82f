using HybridSgd.Embedding;
using HybridSgd.Embedding.Online;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Embedding;

/// <summary>
/// The trainer's one run over the app's channel: every example accepted is learned from exactly once, in the order
/// written — checked against the same rows trained in memory, which must give the very same weights.
/// </summary>
public sealed class ChannelRowsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ExamplesWrittenWhileTheRunReads_AreEachLearnedOnce_InOrder_AsTheSameRowsInMemory()
    {
        var rows = FashionMnistSubset.Load(1_000, 10).TrainRows;
        const int sampled = 100;
        var options = TestOptions.Replay(TrainingMode.Async, workers: 1, batchSize: 16);

        // A small channel, so the writer keeps waiting for the run to make room (backpressure on every pass).
        var inbox = new ExampleInbox(new HybridSgdOptions { FeatureCount = rows.FeatureCount, ClassCount = 10, Capacity = 64 });
        var first = DenseDataset.FromRows(rows.Features[..(sampled * rows.FeatureCount)], rows.Labels[..sampled], rows.FeatureCount);
        var writing = Task.Run(async () =>
        {
            for (int row = sampled; row < rows.Count; row++)
            {
                await inbox.WriteAsync(rows.Row(row), rows.Labels[row]);
            }

            inbox.Complete();
        });

        // A batch wait longer than the test: minibatches are cut by count alone, whatever the writer's timing.
        var channel = new ChannelRows(inbox, first, TimeSpan.FromHours(1), TimeProvider.System, new TrainerState(), CancellationToken.None);
        var fromChannel = await TrainAsync(new TrainingSet("channel", channel, LearningTask.Multiclass, 10), options).WaitAsync(Patience);
        await writing.WaitAsync(Patience);
        var inMemory = await TrainAsync(new TrainingSet("memory", TrainingRows.InMemory(rows), LearningTask.Multiclass, 10), options).WaitAsync(Patience);

        Assert.Equal(rows.Count - sampled, inbox.Accepted);
        Assert.Equal(0, inbox.Waiting);
        Assert.Equal(rows.Count, fromChannel.Statistics.Examples);
        Assert.Equal(inMemory.Statistics.Updates, fromChannel.Statistics.Updates);
        Assert.Equal(inMemory.Weights, fromChannel.Weights);
    }

    [Fact]
    public async Task AppStopping_TheRunLearnsWhatTheChannelHeld_ThenEnds()
    {
        var rows = FashionMnistSubset.Load(300, 10).TrainRows;
        var inbox = new ExampleInbox(new HybridSgdOptions { FeatureCount = rows.FeatureCount, ClassCount = 10, Capacity = 1_000 });
        for (int row = 0; row < rows.Count; row++)
        {
            Assert.True(inbox.TryWrite(rows.Row(row), rows.Labels[row]));
        }

        // Stopped before the run began, and never completed: the run still takes every example, then ends by itself.
        var state = new TrainerState();
        var channel = new ChannelRows(inbox, first: null, TimeSpan.FromHours(1), TimeProvider.System, state, new CancellationToken(canceled: true));
        var result = await TrainAsync(new TrainingSet("channel", channel, LearningTask.Multiclass, 10), TestOptions.Replay(TrainingMode.Async, workers: 2, batchSize: 32))
            .WaitAsync(Patience);

        Assert.Equal(rows.Count, result.Statistics.Examples);
        Assert.Equal(RunEnd.Epochs, result.EndedBy);
        Assert.Equal(0, inbox.Waiting);
    }

    [Fact]
    public async Task ChannelRunsDry_APartlyFilledMinibatchIsLearnedAfterTheBatchWait_WithoutTheAppCompleting()
    {
        var rows = FashionMnistSubset.Load(40, 10).TrainRows;
        var inbox = new ExampleInbox(new HybridSgdOptions { FeatureCount = rows.FeatureCount, ClassCount = 10, Capacity = 100 });
        var progress = new ProgressLog();
        using var appStopping = new CancellationTokenSource();
        var channel = new ChannelRows(inbox, first: null, TimeSpan.FromMilliseconds(20), TimeProvider.System, new TrainerState(), appStopping.Token);
        var training = HybridTrainer.TrainAsync(
            new TrainingSet("channel", channel, LearningTask.Multiclass, 10),
            ModelFactory.Create(ModelFactory.Softmax, rows.FeatureCount, 10),
            TestOptions.Replay(TrainingMode.Async, workers: 1, batchSize: 64),
            new TrainerEnvironment { Observer = progress, LocalSteps = 1 },
            CancellationToken.None);

        // 40 examples, less than one minibatch of 64, and the app neither writes more nor completes: they are learned all the same.
        for (int row = 0; row < rows.Count; row++)
        {
            await inbox.WriteAsync(rows.Row(row), rows.Labels[row]);
        }

        await progress.ExamplesReached(rows.Count).WaitAsync(Patience);
        Assert.False(training.IsCompleted);
        await appStopping.CancelAsync();
        var result = await training.WaitAsync(Patience);

        Assert.Equal(rows.Count, result.Statistics.Examples);
    }

    private static Task<TrainingResult> TrainAsync(TrainingSet data, TrainingOptions options) =>
        HybridTrainer.TrainAsync(
            data, ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, 10), options, new TrainerEnvironment { LocalSteps = 1 }, CancellationToken.None);

    /// <summary>Completes a task once the run's published weights have learned from a number of examples.</summary>
    private sealed class ProgressLog : ITrainingObserver
    {
        private readonly object _gate = new();
        private readonly List<(long Examples, TaskCompletionSource Reached)> _waiting = [];
        private long _examples;

        public TimeSpan Interval => TimeSpan.FromMilliseconds(5);

        public void Observe(in TrainingProgress progress, ReadOnlySpan<float> weights, bool final)
        {
            lock (_gate)
            {
                _examples = progress.Examples;
                foreach (var (examples, reached) in _waiting.Where(w => w.Examples <= _examples))
                {
                    reached.TrySetResult();
                }
            }
        }

        public Task ExamplesReached(long examples)
        {
            lock (_gate)
            {
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_examples >= examples)
                {
                    reached.SetResult();
                }

                _waiting.Add((examples, reached));
                return reached.Task;
            }
        }
    }
}
