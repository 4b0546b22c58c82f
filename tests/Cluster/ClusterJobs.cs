using HybridSgd.Cluster.Contracts;
using HybridSgd.Cluster.Silo;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Cluster;

/// <summary>Jobs for the cluster tests: learnable synthetic rows, a started job, every silo joined and run on its shard.</summary>
internal static class ClusterJobs
{
    public const int Features = 12;
    public const int Classes = 3;

    /// <summary>A bound on a whole test's wait: a deadlock fails the test instead of hanging the suite.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public static IModel Softmax() => ModelFactory.Create(ModelFactory.Softmax, Features, Classes);

    /// <summary>Rows whose label is the arg-max of a fixed random linear map of their features: softmax can learn them.</summary>
    public static DenseDataset Rows(int count, int seed)
    {
        var random = new Random(seed);
        var map = new float[Classes, Features];
        for (int c = 0; c < Classes; c++)
        {
            for (int f = 0; f < Features; f++)
            {
                map[c, f] = (float)((random.NextDouble() * 2) - 1);
            }
        }

        var features = new float[count][];
        var labels = new float[count];
        for (int row = 0; row < count; row++)
        {
            features[row] = new float[Features];
            for (int f = 0; f < Features; f++)
            {
                features[row][f] = (float)((random.NextDouble() * 2) - 1);
            }

            int best = 0;
            float bestScore = float.NegativeInfinity;
            for (int c = 0; c < Classes; c++)
            {
                float score = 0;
                for (int f = 0; f < Features; f++)
                {
                    score += map[c, f] * features[row][f];
                }

                if (score > bestScore)
                {
                    (best, bestScore) = (c, score);
                }
            }

            labels[row] = best;
        }

        return TinyData.Rows(features, labels);
    }

    public static float[] InitialWeights(IModel model, int seed)
    {
        var weights = new float[model.ParameterCount];
        model.InitializeParameters(weights, new Random(seed));
        return weights;
    }

    public static JobSpec Spec(float[] initialWeights, ClusterSchedule schedule, int maxWorkers, float learningRate) => new()
    {
        MaxWorkers = maxWorkers,
        LearningRate = learningRate,
        Schedule = schedule,
        InitialWeights = FloatPayload.Encode(initialWeights),
    };

    /// <summary>Starts the job, then joins every silo (all registered before any runs, so the first round has them all).</summary>
    public static async Task<IReadOnlyList<SiloJob>> StartAndJoinAsync(ThreeSiloCluster cluster, string jobId, JobSpec spec, int workersPerSilo, CancellationToken cancellationToken)
    {
        await cluster.Cluster.Client.GetGrain<IParameterServerGrain>(jobId).StartAsync(spec, cancellationToken);
        var jobs = new List<SiloJob>();
        foreach (var silo in cluster.Cluster.Silos)
        {
            jobs.Add(await cluster.TrainerOf(silo).JoinAsync(jobId, workersPerSilo, cancellationToken));
        }

        return jobs;
    }

    /// <summary>Silo s trains on shard s of <paramref name="rows"/>; returns every silo's result, in silo order.</summary>
    public static Task<SiloRunResult[]> RunAllAsync(IReadOnlyList<SiloJob> jobs, DenseDataset rows, IModel model, SiloRunOptions options, CancellationToken stop) =>
        Task.WhenAll(jobs.Select((job, shard) => job.RunAsync(TrainingRows.InMemory(RowShard.Of(rows, shard, jobs.Count)), model, options, stop)));

    /// <summary>Minibatches one epoch of <paramref name="shardRows"/> rows makes (the last one may be short).</summary>
    public static int Minibatches(int shardRows, int batchSize) => (shardRows + batchSize - 1) / batchSize;

    /// <summary>The job's current weights (known version −1: the weights always come).</summary>
    public static async Task<float[]> WeightsAsync(IParameterServerGrain server, CancellationToken cancellationToken)
    {
        var reply = await server.PullAsync(-1, cancellationToken);
        return FloatPayload.Decode(reply.Values);
    }
}
