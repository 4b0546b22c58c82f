using HybridSgd.Cluster.Contracts;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Workers;

namespace HybridSgd.Cluster.Silo;

/// <summary>
/// This silo's registered workers in one job, ready to run on the silo's shard: the Pipeline's loader and
/// <c>GradientWorker</c>s, whose aggregator is the job's parameter-server grain and whose weights come from a
/// local mirror of the grain's. Runs once; <see cref="LeaveAsync"/> gives the places back without running.
/// </summary>
public sealed class SiloJob
{
    private readonly SiloTrainer _trainer;
    private readonly IParameterServerGrain _server;
    private readonly int[] _workerIds;
    private int _used;

    internal SiloJob(SiloTrainer trainer, string jobId, IParameterServerGrain server, JobSpec spec, IReadOnlyList<int> workerIds)
    {
        _trainer = trainer;
        _server = server;
        JobId = jobId;
        Spec = spec;
        _workerIds = [.. workerIds];
    }

    public string JobId { get; }

    public JobSpec Spec { get; }

    /// <summary>The cluster-wide ids the parameter server gave this silo's workers.</summary>
    public IReadOnlyList<int> WorkerIds => _workerIds;

    /// <summary>
    /// Trains this silo's workers on <paramref name="shard"/> until it runs out (the epochs of
    /// <paramref name="options"/>) or <paramref name="stop"/> fires — or the silo shuts down; either stop is
    /// graceful. Each worker deregisters when it finishes, so the cap on k follows the workers still running.
    /// </summary>
    public Task<SiloRunResult> RunAsync(TrainingRows shard, IModel model, SiloRunOptions options, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (model.ParameterCount != Spec.ParameterCount)
        {
            throw new ArgumentException($"Model '{model.Name}' has {model.ParameterCount} parameters; job '{JobId}' has {Spec.ParameterCount}.", nameof(model));
        }

        if (model.FeatureCount != shard.FeatureCount)
        {
            throw new ArgumentException($"Model '{model.Name}' expects {model.FeatureCount} features; the shard has {shard.FeatureCount}.", nameof(shard));
        }

        Claim();
        return _trainer.TrackAsync(token => RunCoreAsync(shard, model, options, token), stop);
    }

    /// <summary>Deregisters the workers without running them (a silo that joined but will not train).</summary>
    public Task LeaveAsync()
    {
        Claim();
        return _trainer.LeaveAsync(_server, _workerIds);
    }

    private void Claim()
    {
        if (Interlocked.Exchange(ref _used, 1) != 0)
        {
            throw new InvalidOperationException($"This silo's part of job '{JobId}' has already run or left.");
        }
    }

    private async Task<SiloRunResult> RunCoreAsync(TrainingRows shard, IModel model, SiloRunOptions options, CancellationToken stop)
    {
        WeightsMirror mirror;
        try
        {
            mirror = await WeightsMirror.CreateAsync(_server, _trainer.Time, stop).ConfigureAwait(false);
        }
        catch (Exception)
        {
            await _trainer.LeaveAsync(_server, _workerIds).ConfigureAwait(false);
            throw;
        }

        using (mirror)
        using (var abort = new CancellationTokenSource())
        {
            var link = new RemoteAggregatorLink(_server, mirror, _workerIds.Length, options.OnApplied, _trainer.Time, abort.Token);
            var support = new WorkerSupport(
                replaceFailedKernels: false,
                scoreBeforeLearning: false,
                metrics: null,
                _trainer.Logger,
                _trainer.Time,
                probeNoise: Spec.Schedule.ProbesNoise(),
                maxLocalSteps: options.MaxLocalSteps,
                l2: Spec.L2);
            var pool = new MinibatchPool(options.BatchSize, shard.FeatureCount);
            var loader = new MinibatchLoader(shard, pool, options.Epochs, options.Shuffle, options.Seed, options.LoaderBufferedBatches);
            var graph = new SiloGraph(
                loader,
                link,
                _workerIds,
                (id, token) => new GradientWorker(id, model, mirror.Board, link.Input, pool, conditions: null, support, token),
                id => _trainer.DeregisterAsync(_server, id));
            await graph.RunAsync(abort, stop).ConfigureAwait(false);
            return new SiloRunResult(link.Gradients, link.PayloadBytes, mirror.Pulls, mirror.PulledBytes, link.Duplicates, stop.IsCancellationRequested)
            {
                PushTime = link.PushTime,
                PullTime = mirror.PullTime,
            };
        }
    }
}
