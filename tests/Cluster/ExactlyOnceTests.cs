using HybridSgd.Cluster.Contracts;
using HybridSgd.Cluster.Silo;

namespace HybridSgd.Tests.Cluster;

[Collection(nameof(ClusterCollection))]
public sealed class ExactlyOnceTests(ThreeSiloCluster cluster)
{
    [Fact]
    public async Task AdaptiveRun_ThreeSilos_EveryGradientAppliedExactlyOnce()
    {
        using var deadline = new CancellationTokenSource(ClusterJobs.Deadline);
        const int workersPerSilo = 2;
        const int batch = 8;
        const int epochs = 2;

        // 301 rows: shards of 101, 100 and 100, each ending on a short minibatch.
        var rows = ClusterJobs.Rows(301, seed: 11);
        var model = ClusterJobs.Softmax();
        var spec = ClusterJobs.Spec(ClusterJobs.InitialWeights(model, seed: 3), ClusterSchedule.Adaptive, ThreeSiloCluster.Silos * workersPerSilo, learningRate: 0.1f);
        var jobs = await ClusterJobs.StartAndJoinAsync(cluster, nameof(AdaptiveRun_ThreeSilos_EveryGradientAppliedExactlyOnce), spec, workersPerSilo, deadline.Token);

        var results = await ClusterJobs.RunAllAsync(jobs, rows, model, new SiloRunOptions { BatchSize = batch, Epochs = epochs, Seed = 5 }, deadline.Token);

        var server = cluster.Cluster.Client.GetGrain<IParameterServerGrain>(jobs[0].JobId);
        var status = await server.GetStatusAsync(deadline.Token);
        var expectedPerSilo = Enumerable.Range(0, jobs.Count)
            .Select(shard => (long)epochs * ClusterJobs.Minibatches(RowShard.Of(rows, shard, jobs.Count).Count, batch))
            .ToArray();

        // Each silo pushed one message per minibatch of its shard, and had each answered.
        Assert.Equal(expectedPerSilo, results.Select(r => r.Gradients).ToArray());
        long sent = results.Sum(r => r.Gradients);

        // The server accepted each once, the aggregator consumed each once, and the ledger saw no (worker, sequence) twice.
        Assert.Equal(sent, status.GradientsAccepted);
        Assert.Equal(sent, status.GradientsApplied);
        Assert.Equal(sent, status.GradientsLedgered);
        Assert.Equal(0, status.DuplicateApplications);
        Assert.Equal(0, status.DuplicatesRefused);
        Assert.Equal(0, status.SequenceGaps);
        Assert.Equal((long)epochs * rows.Count, status.Examples);

        Assert.True(status.Completed);
        Assert.Equal(0, status.LiveWorkers);
        Assert.Equal(ThreeSiloCluster.Silos * workersPerSilo, status.RegisteredWorkers);
        Assert.All(await ClusterJobs.WeightsAsync(server, deadline.Token), w => Assert.True(float.IsFinite(w)));
    }

    [Fact]
    public async Task Push_SameSequenceTwice_SecondIsRefusedAndWeightsMoveOnce()
    {
        using var deadline = new CancellationTokenSource(ClusterJobs.Deadline);
        const float learningRate = 0.5f;
        var initial = new float[] { 1f, -2f, 0.5f, 4f };
        var server = cluster.Cluster.Client.GetGrain<IParameterServerGrain>(nameof(Push_SameSequenceTwice_SecondIsRefusedAndWeightsMoveOnce));
        await server.StartAsync(ClusterJobs.Spec(initial, ClusterSchedule.Async, maxWorkers: 1, learningRate), deadline.Token);
        int worker = await server.RegisterWorkerAsync(cluster.Cluster.Silos[0].SiloAddress, deadline.Token);
        var gradient = new float[] { 0.25f, 1f, -1f, 2f };

        var first = await server.PushAsync(Payload(worker, sequence: 0, gradient), deadline.Token);
        var again = await server.PushAsync(Payload(worker, sequence: 0, gradient), deadline.Token);
        var weights = await ClusterJobs.WeightsAsync(server, deadline.Token);
        var status = await server.GetStatusAsync(deadline.Token);

        Assert.False(first.Duplicate);
        Assert.Equal(1, first.AppliedVersion);
        Assert.True(again.Duplicate);
        Assert.Equal(1, status.Updates);
        Assert.Equal(1, status.GradientsApplied);
        Assert.Equal(1, status.DuplicatesRefused);

        // One plain SGD step (k = 1, no L2): w − η·g, once.
        for (int i = 0; i < initial.Length; i++)
        {
            Assert.Equal(initial[i] - (learningRate * gradient[i]), weights[i], 6);
        }
    }

    [Fact]
    public async Task Push_NonFiniteGradient_IsConsumedButNeverReachesTheWeights()
    {
        using var deadline = new CancellationTokenSource(ClusterJobs.Deadline);
        var initial = new float[] { 1f, 2f, 3f };
        var server = cluster.Cluster.Client.GetGrain<IParameterServerGrain>(nameof(Push_NonFiniteGradient_IsConsumedButNeverReachesTheWeights));
        await server.StartAsync(ClusterJobs.Spec(initial, ClusterSchedule.Async, maxWorkers: 1, learningRate: 0.1f), deadline.Token);
        int worker = await server.RegisterWorkerAsync(cluster.Cluster.Silos[0].SiloAddress, deadline.Token);

        var receipt = await server.PushAsync(Payload(worker, sequence: 0, [float.NaN, 1f, float.PositiveInfinity]), deadline.Token);
        var weights = await ClusterJobs.WeightsAsync(server, deadline.Token);
        var status = await server.GetStatusAsync(deadline.Token);

        Assert.Equal(initial, weights);
        Assert.Equal(0, receipt.PublishedVersion);
        Assert.Equal(1, status.SkippedUpdates);
        Assert.Equal(1, status.GradientsLedgered);
    }

    private static GradientPayload Payload(int worker, long sequence, float[] gradient) => new()
    {
        WorkerId = worker,
        Sequence = sequence,
        WeightsVersion = 0,
        ExampleCount = 1,
        Loss = 1.0,
        Values = FloatPayload.Encode(gradient),
    };
}
