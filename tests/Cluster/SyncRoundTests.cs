using HybridSgd.Cluster.Contracts;
using HybridSgd.Cluster.Silo;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Optimization;

namespace HybridSgd.Tests.Cluster;

[Collection(nameof(ClusterCollection))]
public sealed class SyncRoundTests(ThreeSiloCluster cluster)
{
    private const int WorkersPerSilo = 2;
    private const int Batch = 8;
    private const int Rounds = 5;
    private const float LearningRate = 0.2f;

    [Fact]
    public async Task Sync_WorkersOnThreeSilos_EachRoundIsTheMeanGradientStep()
    {
        using var deadline = new CancellationTokenSource(ClusterJobs.Deadline);
        int silos = cluster.Cluster.Silos.Count;

        // Every shard holds exactly Rounds × WorkersPerSilo full minibatches: every round has all six gradients.
        var rows = ClusterJobs.Rows(silos * WorkersPerSilo * Batch * Rounds, seed: 21);
        var model = ClusterJobs.Softmax();
        var initial = ClusterJobs.InitialWeights(model, seed: 8);
        var spec = ClusterJobs.Spec(initial, ClusterSchedule.Sync, silos * WorkersPerSilo, LearningRate);
        var jobs = await ClusterJobs.StartAndJoinAsync(cluster, nameof(Sync_WorkersOnThreeSilos_EachRoundIsTheMeanGradientStep), spec, WorkersPerSilo, deadline.Token);

        // No shuffle: each silo's loader hands out its shard in order, so round r is minibatches 2r and 2r + 1 of every shard.
        var results = await ClusterJobs.RunAllAsync(jobs, rows, model, new SiloRunOptions { BatchSize = Batch, Epochs = 1, Shuffle = false }, deadline.Token);

        var server = cluster.Cluster.Client.GetGrain<IParameterServerGrain>(jobs[0].JobId);
        var status = await server.GetStatusAsync(deadline.Token);
        var weights = await ClusterJobs.WeightsAsync(server, deadline.Token);
        var expected = MeanGradientSteps(model, rows, silos, initial);

        Assert.Equal(silos, cluster.Cluster.Silos.Select(s => s.SiloAddress).Distinct().Count());
        Assert.All(results, r => Assert.Equal(Rounds * WorkersPerSilo, r.Gradients));
        Assert.Equal(Rounds, status.Updates);
        Assert.Equal(silos * WorkersPerSilo * Rounds, status.GradientsApplied);

        // k only followed the workers (joining, then retiring at the end), up to all six: the policy never chose.
        Assert.DoesNotContain(status.ThresholdSteps, step => !step.CapMoved);
        Assert.Equal(silos * WorkersPerSilo, status.ThresholdSteps.Max(step => step.NewThreshold));

        // A mean of per-worker means is the union's mean summed in another order: float rounding over five steps.
        Assert.Equal(expected.Length, weights.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - weights[i]) <= 2e-5f, $"weight {i}: expected {expected[i]}, cluster {weights[i]}");
        }

        // Versioned pulls: each silo pulled the first weights and then each new version once, for both its workers.
        Assert.All(results, r => Assert.Equal(Rounds + 1, r.WeightPulls));
        Assert.Equal(silos * (Rounds + 1), status.PullsWithWeights);
    }

    /// <summary>
    /// The sequential computation a sync round stands for: at the same weights, the gradient of each of the round's
    /// minibatches (two consecutive ones from every shard), their example-weighted mean, one SGD step.
    /// </summary>
    private static float[] MeanGradientSteps(IModel model, DenseDataset rows, int silos, float[] initial)
    {
        var weights = (float[])initial.Clone();
        var kernel = model.CreateKernel();
        var gradient = new float[model.ParameterCount];
        var mean = new float[model.ParameterCount];
        var optimizer = new SgdOptimizer(LearningRate, l2: 0);
        var shards = Enumerable.Range(0, silos).Select(s => RowShard.Of(rows, s, silos)).ToArray();
        for (int round = 0; round < Rounds; round++)
        {
            Array.Clear(mean);
            int examples = 0;
            foreach (var shard in shards)
            {
                for (int worker = 0; worker < WorkersPerSilo; worker++)
                {
                    var minibatch = shard.Slice(((round * WorkersPerSilo) + worker) * Batch, Batch);
                    kernel.ComputeGradient(weights, minibatch, gradient);
                    for (int i = 0; i < mean.Length; i++)
                    {
                        mean[i] += gradient[i] * minibatch.Count;
                    }

                    examples += minibatch.Count;
                }
            }

            for (int i = 0; i < mean.Length; i++)
            {
                mean[i] /= examples;
            }

            optimizer.Step(weights, mean);
        }

        return weights;
    }
}
