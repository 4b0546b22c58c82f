using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Policies;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HybridSgd.Tests.Pipeline;

public sealed class FaultAndStopTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(TrainingMode.Sync)]
    [InlineData(TrainingMode.Async)]
    public async Task WorkerThrows_FaultsTrainingWithThatException_WithoutHanging(TrainingMode mode)
    {
        var data = FashionMnistSubset.Load(2000, 50);
        var model = new InstrumentedModel(ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount), failOnCall: 25);

        var training = HybridTrainer.TrainAsync(data.InMemory, model, TestOptions.Replay(mode, workers: 4, batchSize: 8, epochs: 5), new TrainerEnvironment(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => training.WaitAsync(Patience));
        Assert.Equal("injected failure at gradient call 25", error.Message);
    }

    [Fact]
    public async Task StopToken_EndsGracefully_WithEveryProducedGradientApplied()
    {
        var data = FashionMnistSubset.Load(2000, 200);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var options = TestOptions.Replay(TrainingMode.Sync, workers: 4, batchSize: 8, epochs: 10_000);
        var log = new UpdateLog();
        using var stop = new CancellationTokenSource();

        // Stopped after a number of updates, not a wall-clock time: on a loaded 2-core machine 700 ms once gave 5.
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Record(AppliedUpdate update)
        {
            log.Record(update);
            if (update.Version >= 50)
            {
                reached.TrySetResult();
            }
        }

        var training = HybridTrainer.TrainAsync(data.InMemory, model, options, new TrainerEnvironment { OnUpdate = Record }, stop.Token);
        await reached.Task.WaitAsync(Patience);
        await stop.CancelAsync();
        var result = await training.WaitAsync(Patience);

        Assert.Equal(RunEnd.Stopped, result.EndedBy);
        Assert.True(result.Statistics.Updates >= 50, $"{result.Statistics.Updates} updates");
        Assert.Equal(log.GradientCount, result.Statistics.Gradients);
        log.AssertEachGradientAppliedOnce();
        Assert.True(data.Score(model, result.Weights).Accuracy > 0.3, $"accuracy {data.Score(model, result.Weights).Accuracy}");
    }

    [Fact]
    public async Task Budget_EndsTrainingWhenItsTimeHasPassed()
    {
        var data = FashionMnistSubset.Load(2000, 200);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var options = TestOptions.Replay(TrainingMode.Hybrid, workers: 2, batchSize: 16) with
        {
            Epochs = null,
            Budget = new Duration(TimeSpan.FromSeconds(1)),
            Stop = StopRule.Budget,
            Policy = new ThresholdPolicyOptions { Kind = ThresholdPolicyKind.Linear },
        };
        var time = new FakeTimeProvider();
        var trained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var raised = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int updates = 0;
        var environment = new TrainerEnvironment
        {
            Time = time,
            OnUpdate = update =>
            {
                if (Interlocked.Increment(ref updates) == 50)
                {
                    trained.SetResult();
                }

                if (update.Threshold == 2)
                {
                    raised.TrySetResult();
                }
            },
        };

        var training = HybridTrainer.TrainAsync(data.InMemory, model, options, environment, CancellationToken.None);
        await trained.Task.WaitAsync(Patience);

        // Past the ramp's end (half the budget): the next update is taken at k = 2, by progress. Only then is the
        // rest of the budget spent, so the change is seen before the stop, however the threads are scheduled.
        time.Advance(TimeSpan.FromSeconds(0.6));
        await raised.Task.WaitAsync(Patience);
        time.Advance(TimeSpan.FromSeconds(0.4)); // the budget is spent: nothing else ends a run with no epochs
        var result = await training.WaitAsync(Patience);

        Assert.Equal(RunEnd.Budget, result.EndedBy);
        Assert.Equal(1.0, result.TrainSeconds, 6);
        Assert.True(result.Statistics.Updates >= 50);

        // Progress moved with the clock alone: the ramp's last step, by progress.
        Assert.Contains(result.ThresholdChanges, c => c.Reason == ThresholdReason.Progress && c.NewThreshold == 2);
    }
}
