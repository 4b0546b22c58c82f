using HybridSgd.Pipeline.Models;

namespace HybridSgd.Embedding;

/// <summary>
/// The model as training leaves it, for predictions in the same process while training goes on. The trainer
/// publishes an immutable copy of the weights every <see cref="HybridSgdOptions.PublishInterval"/> (and when its run
/// ends); <see cref="Predict"/> reads the latest with one volatile read — no lock, no allocation, any number of
/// threads — and says which weights version answered.
/// </summary>
public sealed class LiveModel : IDisposable
{
    private readonly IModel _model;

    // Kernels keep scratch buffers, so each calling thread gets its own (made once per thread).
    private readonly ThreadLocal<IModelKernel> _kernels;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Published? _latest;

    internal LiveModel(IModel model)
    {
        _model = model;
        _kernels = new ThreadLocal<IModelKernel>(model.CreateKernel);
    }

    /// <summary>The model whose weights these are.</summary>
    internal IModel Model => _model;

    /// <summary>Values <see cref="Predict"/> writes: one probability per class, the positive class's, or the value.</summary>
    public int OutputCount => _model.OutputCount;

    public int FeatureCount => _model.FeatureCount;

    /// <summary>Completes once the first weights are published (the trainer's start: a checkpoint's, or fresh ones).</summary>
    public Task Ready => _ready.Task;

    /// <summary>The weights version now answering (updates applied since training began); -1 before any weights.</summary>
    public long Version => Volatile.Read(ref _latest)?.Version ?? -1;

    /// <summary>
    /// Writes the prediction for <paramref name="features"/> into <paramref name="prediction"/> (class probabilities,
    /// the positive class's probability, or the value) and returns the weights version that answered.
    /// </summary>
    /// <exception cref="InvalidOperationException">No weights are published yet (the trainer has not started).</exception>
    public long Predict(ReadOnlySpan<float> features, Span<float> prediction)
    {
        var latest = Volatile.Read(ref _latest) ?? throw new InvalidOperationException("The online trainer has not published weights yet.");
        if (features.Length != _model.FeatureCount || prediction.Length < _model.OutputCount)
        {
            throw new ArgumentException($"Prediction takes {_model.FeatureCount} features into {_model.OutputCount} outputs; got {features.Length} and {prediction.Length}.");
        }

        _kernels.Value!.Predict(latest.Weights, features, prediction[.._model.OutputCount]);
        return latest.Version;
    }

    public void Dispose() => _kernels.Dispose();

    /// <summary>Makes a copy of <paramref name="weights"/> the one predictions read from now on.</summary>
    internal void Publish(ReadOnlySpan<float> weights, long version)
    {
        Volatile.Write(ref _latest, new Published(weights.ToArray(), version));
        _ready.TrySetResult();
    }

    private sealed record Published(float[] Weights, long Version);
}
