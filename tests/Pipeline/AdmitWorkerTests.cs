using System.Threading.Tasks.Dataflow;
using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Pipeline.Policies;
using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridSgd.Tests.Pipeline;

/// <summary>An aggregator that starts with no live worker (a cluster's) and admits them as they join.</summary>
public sealed class AdmitWorkerTests
{
    private static GradientAggregator Aggregator(int places) => new(
        [0f],
        new WeightsBoard([0f]),
        new AggregatorSettings(
            Workers: places,
            BufferedBatches: 1,
            Policy: new SynchronousPolicy(),
            Optimizer: new SgdOptimizer(0.1f, 0),
            Progress: new ProgressMeter(TimeProvider.System, null, null),
            Logger: NullLogger.Instance,
            InitialLiveWorkers: 0));

    [Fact]
    public void AdmitWorker_Sync_CapRisesWithEachJoinUpToThePlaces()
    {
        var aggregator = Aggregator(places: 3);
        Assert.Equal(1, aggregator.Threshold);

        aggregator.AdmitWorker();
        aggregator.AdmitWorker();
        aggregator.AdmitWorker();

        Assert.Equal(3, aggregator.Threshold);
        Assert.Equal(3, aggregator.LiveWorkers);
        Assert.Equal(new[] { (1, 2), (2, 3) }, aggregator.ThresholdChanges.Select(c => (c.OldThreshold, c.NewThreshold)));
        Assert.All(aggregator.ThresholdChanges, c => Assert.Equal(ThresholdReason.WorkersJoined, c.Reason));
        Assert.All(aggregator.ThresholdChanges, c => Assert.False(c.ByPolicy));
        Assert.Throws<InvalidOperationException>(aggregator.AdmitWorker);
    }

    [Fact]
    public async Task AdmitWorker_AfterEveryWorkerRetired_Throws()
    {
        var aggregator = Aggregator(places: 2);
        aggregator.AdmitWorker();

        aggregator.RetireWorker();
        await aggregator.Completion;

        Assert.Throws<InvalidOperationException>(aggregator.AdmitWorker);
    }

    [Fact]
    public async Task AdmitWorker_SyncRoundOfTheJoinedWorkers_IsOneUpdateOfTheirMean()
    {
        var aggregator = Aggregator(places: 4);
        aggregator.AdmitWorker();
        aggregator.AdmitWorker();
        var first = new GradientMessage(0, [1f]);
        var second = new GradientMessage(1, [3f]);
        first.Arm(sequence: 0, exampleCount: 1, weightsVersion: 0, loss: 1);
        second.Arm(sequence: 0, exampleCount: 1, weightsVersion: 0, loss: 1);

        // Two live of four places: k = 2, so the two gradients make one update.
        Assert.True(aggregator.Input.Post(first));
        Assert.True(aggregator.Input.Post(second));
        long version = await first.Applied;
        Assert.Equal(version, await second.Applied);

        Assert.Equal(1, version);
        Assert.Equal(-0.2f, aggregator.CopyWeights()[0], 6);
        aggregator.RetireWorker();
        aggregator.RetireWorker();
        await aggregator.Completion;
    }
}
