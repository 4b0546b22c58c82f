using HybridSgd.Cluster.Contracts;
using HybridSgd.Cluster.Silo;
using HybridSgd.Pipeline.Data;

namespace HybridSgd.Tests.Cluster;

/// <summary>A silo leaving mid-run: its workers leave k's cap and the others train on. It stops a silo, so it has a cluster of its own.</summary>
[Collection(nameof(SiloStopCollection))]
public sealed class SiloStopTests
{
    private const int WorkersPerSilo = 2;

    [Fact]
    public async Task Sync_SiloStoppedMidRun_CapDropsToTheSurvivorsAndTheRunCompletes()
    {
        var cluster = new ThreeSiloCluster();
        await cluster.InitializeAsync();
        try
        {
            await RunAsync(cluster);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private static async Task RunAsync(ThreeSiloCluster cluster)
    {
        using var deadline = new CancellationTokenSource(ClusterJobs.Deadline);
        using var stopSurvivors = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        var silos = cluster.Cluster.Silos.ToArray();
        int allWorkers = silos.Length * WorkersPerSilo;
        int survivorWorkers = allWorkers - WorkersPerSilo;
        var model = ClusterJobs.Softmax();
        var rows = ClusterJobs.Rows(600, seed: 31);
        var spec = ClusterJobs.Spec(ClusterJobs.InitialWeights(model, seed: 2), ClusterSchedule.Sync, allWorkers, learningRate: 0.1f);
        var jobs = await ClusterJobs.StartAndJoinAsync(cluster, nameof(Sync_SiloStoppedMidRun_CapDropsToTheSurvivorsAndTheRunCompletes), spec, WorkersPerSilo, deadline.Token);
        var server = cluster.Cluster.Client.GetGrain<IParameterServerGrain>(jobs[0].JobId);

        // The victim: a secondary silo (the primary holds the test cluster's membership) that does not hold the weights.
        var host = await server.GetHostAsync(deadline.Token);
        int victim = Array.FindIndex(silos, s => s != cluster.Cluster.Primary && !s.SiloAddress.Equals(host));

        // Events, not sleeps: a few full rounds first; then, after the stop, a few rounds at the survivors' k.
        var fullRounds = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var survivorRounds = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int roundsAtSurvivorK = 0;
        void Observe(PushReceipt receipt)
        {
            if (receipt.AppliedVersion >= 3)
            {
                fullRounds.TrySetResult();
            }

            if (receipt.Threshold == survivorWorkers && Interlocked.Increment(ref roundsAtSurvivorK) >= 3 * survivorWorkers)
            {
                survivorRounds.TrySetResult();
            }
        }

        // No epoch limit: the run lasts until stopped, so the stop always lands mid-run.
        var options = new SiloRunOptions { BatchSize = 8, Epochs = null, Seed = 4, OnApplied = Observe };
        var runs = jobs
            .Select((job, shard) => job.RunAsync(
                TrainingRows.InMemory(RowShard.Of(rows, shard, jobs.Count)),
                model,
                options,
                shard == victim ? deadline.Token : stopSurvivors.Token))
            .ToArray();

        await fullRounds.Task.WaitAsync(deadline.Token);
        await cluster.Cluster.StopSiloAsync(silos[victim]);
        var victimResult = await runs[victim].WaitAsync(deadline.Token);
        await survivorRounds.Task.WaitAsync(deadline.Token);
        await stopSurvivors.CancelAsync();
        var results = await Task.WhenAll(runs).WaitAsync(deadline.Token);
        var status = await server.GetStatusAsync(deadline.Token);

        // The stopped silo finished the minibatches in hand, had them applied and deregistered: nothing was lost.
        Assert.True(victimResult.Stopped);
        Assert.True(victimResult.Gradients > 0);
        Assert.Equal(0, status.LostWorkers);

        // Its two workers left k's cap one after the other, and k stayed at the survivors' count from then on.
        var steps = status.ThresholdSteps.ToList();
        int down = steps.FindIndex(s => s is { CapMoved: true, OldThreshold: var old, NewThreshold: var @new } && old == allWorkers && @new == allWorkers - 1);
        Assert.True(down >= 0, "k never dropped from " + allWorkers);
        Assert.Equal(survivorWorkers, steps[down + 1].NewThreshold);
        Assert.True(steps[down + 1].CapMoved);
        Assert.All(steps.Skip(down + 2), s => Assert.True(s.NewThreshold < survivorWorkers && s.CapMoved));

        // The run completed, and every gradient sent by any silo was applied exactly once.
        Assert.All(results, r => Assert.True(r.Stopped));
        Assert.True(status.Completed);
        Assert.Equal(0, status.LiveWorkers);
        long sent = results.Sum(r => r.Gradients);
        Assert.Equal(sent, status.GradientsAccepted);
        Assert.Equal(sent, status.GradientsApplied);
        Assert.Equal(sent, status.GradientsLedgered);
        Assert.Equal(0, status.DuplicateApplications);
        Assert.Equal(0, status.SequenceGaps);
    }
}
