using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;
using HybridSgd.Pipeline.Workers;
using HybridSgd.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HybridSgd.Tests.Pipeline;

public sealed class SimulatedConditionsTests
{
    [Fact]
    public async Task Slowdown_AccumulatesSubMillisecondDebt_AndSleepsItInWholeMilliseconds()
    {
        var time = new FakeTimeProvider();
        var conditions = new SimulatedConditions(
            new WorkerCondition(4, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero), (d, ct) => Task.Delay(d, time, ct), time, new Random(1));

        // 0.2 ms of compute at 4× owes 0.6 ms: below timer resolution, so no wait yet.
        Assert.True(conditions.SlowDownAsync(TimeSpan.FromMilliseconds(0.2), CancellationToken.None).IsCompleted);

        // Another 0.6 ms brings the debt to 1.2 ms: one 1 ms sleep, which ends only when the clock moves.
        var sleeping = conditions.SlowDownAsync(TimeSpan.FromMilliseconds(0.2), CancellationToken.None);
        Assert.False(sleeping.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await sleeping.WaitAsync(TimeSpan.FromSeconds(5));

        // 0.2 ms is still owed: another 0.6 ms makes 0.8, still no sleep.
        Assert.True(conditions.SlowDownAsync(TimeSpan.FromMilliseconds(0.2), CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task PushDelay_IsARealWait_ThatSynchronousRoundsPay()
    {
        var data = FashionMnistSubset.Load(200, 10);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var options = TestOptions.Replay(TrainingMode.Sync, workers: 2, batchSize: 10);
        var delayed = new WorkerCondition(1, TimeSpan.FromMilliseconds(10), TimeSpan.Zero, TimeSpan.Zero);

        // One minibatch per message, so the rounds are countable (over a slow link workers would take local steps).
        var result = await HybridTrainer.TrainAsync(
            data.InMemory, model, options, new TrainerEnvironment { Cluster = [delayed, delayed], LocalSteps = 1 }, CancellationToken.None);

        // 20 minibatches in 10 rounds, each round waiting ≥ 10 ms for its pushes.
        Assert.Equal(10, result.Statistics.Updates);
        Assert.True(result.TrainSeconds >= 0.1, $"{result.TrainSeconds:F3}s");
    }

    [Fact]
    public async Task SlowLink_WorkersTakeLocalSteps_AndNoExampleIsLost()
    {
        var data = FashionMnistSubset.Load(4000, 10);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var options = TestOptions.Replay(TrainingMode.Sync, workers: 2, batchSize: 10);
        var slowLink = new WorkerCondition(1, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5), TimeSpan.Zero);

        var result = await HybridTrainer.TrainAsync(data.InMemory, model, options, new TrainerEnvironment { Cluster = [slowLink, slowLink] }, CancellationToken.None);

        // 400 minibatches: 200 rounds if each message carried one; 10 ms of link per message against a few tens of
        // microseconds of compute makes the workers put many minibatches into each.
        Assert.Equal(4000, result.Statistics.Examples);
        Assert.True(result.Statistics.Updates < 60, $"{result.Statistics.Updates} updates");
        Assert.True(data.Score(model, result.Weights).Accuracy > 0.5, $"accuracy {data.Score(model, result.Weights).Accuracy}");
    }

    [Fact]
    public async Task Straggler_ContributesFewerGradients_InAsynchronousMode()
    {
        var data = FashionMnistSubset.Load(4000, 10);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var options = TestOptions.Replay(TrainingMode.Async, workers: 2, batchSize: 20, epochs: 3);
        var log = new UpdateLog();
        // A softmax minibatch of 20 takes tens of microseconds, so a 30× slowdown adds about a millisecond per step.
        var cluster = Scenarios.Resolve(new SimulationOptions { WorkerSlowdown = [1, 30], PushDelay = Duration.Parse("1ms") }, 2);


        // One minibatch per message (over the 1 ms link workers would otherwise put several into each).
        await HybridTrainer.TrainAsync(data.InMemory, model, options, new TrainerEnvironment { Cluster = cluster, OnUpdate = log.Record, LocalSteps = 1 }, CancellationToken.None);

        var perWorker = log.Updates.SelectMany(u => u.Gradients).GroupBy(g => g.Worker).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(perWorker[1] < 0.8 * perWorker[0], $"fast worker {perWorker[0]}, straggler {perWorker[1]}");
        log.AssertEachGradientAppliedOnce();
    }
}
