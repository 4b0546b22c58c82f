using HybridSgd.Pipeline.Data;

namespace HybridSgd.Pipeline.Models;

/// <summary>
/// A multilayer perceptron: input → fully connected hidden layers with ReLU → a linear output layer → a loss.
/// With <see cref="SoftmaxCrossEntropyLoss"/> it is a softmax classifier; the loss (and so the task) is the caller's choice.
/// </summary>
/// <remarks>
/// Parameter layout, layer after layer from the input: W [outputs × inputs] row-major, then b [outputs]. For
/// 784 → [128] → 10 that is W₁ (128 × 784), b₁ (128), W₂ (10 × 128), b₂ (10). With no hidden layers it is the
/// same layout and maths as <see cref="LinearModel"/>, only initialised differently.
/// </remarks>
public sealed class MlpModel : IModel
{
    private readonly MlpLayer[] _layers;

    public MlpModel(string name, int featureCount, IReadOnlyList<int> hiddenLayers, int outputCount, ILoss loss)
        : this(name, LearningTask.Multiclass, featureCount, hiddenLayers, outputCount, loss)
    {
    }

    public MlpModel(string name, LearningTask task, int featureCount, IReadOnlyList<int> hiddenLayers, int outputCount, ILoss loss)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        ArgumentNullException.ThrowIfNull(hiddenLayers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputCount);
        ArgumentNullException.ThrowIfNull(loss);
        foreach (int size in hiddenLayers)
        {
            if (size <= 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(hiddenLayers), $"Hidden layer sizes must be positive; got [{string.Join(", ", hiddenLayers)}].");
            }
        }

        Name = name;
        Task = task;
        FeatureCount = featureCount;
        OutputCount = outputCount;

        // A copy: a caller editing its list afterwards must not change a model whose kernels already exist.
        HiddenLayers = hiddenLayers.ToArray().AsReadOnly();
        Loss = loss;
        _layers = MlpLayer.Stack(featureCount, HiddenLayers, outputCount);
    }

    public string Name { get; }

    public LearningTask Task { get; }

    public int FeatureCount { get; }

    public int OutputCount { get; }

    /// <summary>Width of each hidden layer, from the input side.</summary>
    public IReadOnlyList<int> HiddenLayers { get; }

    public int ParameterCount => _layers[^1].End;

    internal ILoss Loss { get; }

    /// <summary>The layers' places in the parameter vector, input side first (the last one is the output layer).</summary>
    internal ReadOnlySpan<MlpLayer> Layers => _layers;

    public void InitializeParameters(Span<float> parameters, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (parameters.Length != ParameterCount)
        {
            throw new ArgumentException($"Expected {ParameterCount} parameters, got {parameters.Length}.", nameof(parameters));
        }

        // Unlike softmax regression, zero or tiny weights would stall an MLP (all hidden units alike, signals
        // shrinking layer by layer): He scaling keeps each ReLU layer's output variance near its input's.
        foreach (var layer in _layers)
        {
            MlpHeInitializer.Fill(parameters.Slice(layer.WeightOffset, layer.WeightCount), layer.Inputs, random);
            parameters.Slice(layer.BiasOffset, layer.Outputs).Clear();
        }
    }

    public IModelKernel CreateKernel() => new MlpKernel(this);
}
