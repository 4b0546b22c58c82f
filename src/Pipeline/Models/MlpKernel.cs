using System.Numerics.Tensors;
using HybridSgd.Pipeline.Data;

namespace HybridSgd.Pipeline.Models;

/// <summary>
/// Forward and backward passes of an <see cref="MlpModel"/> for one thread, batched layer by layer: each layer is
/// a product with the whole minibatch, made of <see cref="TensorPrimitives"/> dot products and multiply-adds over
/// contiguous rows, so the vector units do the work instead of per-example scalar loops.
/// </summary>
/// <remarks>
/// Buffers are row-major [rows × units], sized for the largest minibatch seen so far and reallocated only when a
/// larger one arrives: in steady state a call allocates nothing.
/// </remarks>
internal sealed class MlpKernel : IModelKernel
{
    private readonly MlpLayer[] _layers;
    private readonly ILoss _loss;
    private readonly int _parameterCount;
    private readonly int _featureCount;
    private readonly int _outputCount;

    // _activations[i]: output of layer i (ReLU applied for hidden layers; raw scores for the last).
    // _deltas[i]: d(mean loss)/d(pre-activation of layer i); the 1/rows of the mean is folded in at the top.
    private readonly float[][] _activations;
    private readonly float[][] _deltas;
    private int _capacity;

    public MlpKernel(MlpModel model)
    {
        _layers = model.Layers.ToArray();
        _loss = model.Loss;
        _parameterCount = model.ParameterCount;
        _featureCount = model.FeatureCount;
        _outputCount = model.OutputCount;
        _activations = new float[_layers.Length][];
        _deltas = new float[_layers.Length][];
    }

    public double ComputeGradient(ReadOnlySpan<float> parameters, Minibatch batch, Span<float> gradient)
    {
        ArgumentNullException.ThrowIfNull(batch);
        CheckLength(parameters.Length, nameof(parameters));
        CheckLength(gradient.Length, nameof(gradient));
        if (batch.FeatureCount != _featureCount)
        {
            throw new ArgumentException($"Model expects {_featureCount} features, the minibatch has {batch.FeatureCount}.", nameof(batch));
        }

        int rows = batch.Count;
        if (rows <= 0)
        {
            throw new ArgumentException("A mean gradient needs at least one row; the minibatch is empty.", nameof(batch));
        }

        EnsureCapacity(rows);
        var input = batch.Features.AsSpan(0, rows * _featureCount);
        Forward(parameters, input, rows);

        var scores = _activations[^1];
        var topDelta = _deltas[^1];
        double loss = 0;
        for (int row = 0; row < rows; row++)
        {
            var rowScores = scores.AsSpan(row * _outputCount, _outputCount);
            loss += _loss.Evaluate(rowScores, batch.Labels[row], topDelta.AsSpan(row * _outputCount, _outputCount));
        }

        // Scaling the top δ once makes every gradient below it a mean, with no pass over the whole gradient.
        var usedDelta = topDelta.AsSpan(0, rows * _outputCount);
        TensorPrimitives.Multiply(usedDelta, 1f / rows, usedDelta);
        Backward(parameters, input, rows, gradient);
        return loss / rows;
    }

    public void Predict(ReadOnlySpan<float> parameters, ReadOnlySpan<float> features, Span<float> prediction)
    {
        CheckLength(parameters.Length, nameof(parameters));
        if (features.Length != _featureCount)
        {
            throw new ArgumentException($"Model expects {_featureCount} features, got {features.Length}.", nameof(features));
        }

        // A batch of one through the same buffers (row 0), so scoring a test set allocates nothing either.
        EnsureCapacity(1);
        Forward(parameters, features, rows: 1);
        _loss.Predict(_activations[^1].AsSpan(0, _outputCount), prediction);
    }

    private void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, int rows)
    {
        for (int i = 0; i < _layers.Length; i++)
        {
            var layer = _layers[i];
            var output = _activations[i].AsSpan(0, rows * layer.Outputs);
            Affine(layer, parameters, input, rows, output);
            if (i < _layers.Length - 1)
            {
                TensorPrimitives.Max(output, 0f, output); // ReLU
            }

            input = output;
        }
    }

    /// <summary>output = input·Wᵀ + b over all rows.</summary>
    private static void Affine(MlpLayer layer, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, int rows, Span<float> output)
    {
        int inputs = layer.Inputs;
        int outputs = layer.Outputs;
        var weights = parameters.Slice(layer.WeightOffset, layer.WeightCount);
        var bias = parameters.Slice(layer.BiasOffset, outputs);

        // Unit-major: one weight row stays in L1 while the minibatch's rows stream past it, instead of the whole
        // weight matrix (400 KB for 784 × 128) being re-read from L2/L3 for every example.
        for (int unit = 0; unit < outputs; unit++)
        {
            var weightRow = weights.Slice(unit * inputs, inputs);
            float b = bias[unit];
            for (int row = 0; row < rows; row++)
            {
                output[(row * outputs) + unit] = TensorPrimitives.Dot(weightRow, input.Slice(row * inputs, inputs)) + b;
            }
        }
    }

    private void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, int rows, Span<float> gradient)
    {
        for (int i = _layers.Length - 1; i >= 0; i--)
        {
            var layer = _layers[i];
            var delta = _deltas[i].AsSpan(0, rows * layer.Outputs);
            ReadOnlySpan<float> below = i == 0 ? input : _activations[i - 1].AsSpan(0, rows * layer.Inputs);
            AccumulateParameterGradient(layer, delta, below, rows, gradient);
            if (i > 0)
            {
                PropagateDelta(layer, parameters, delta, below, rows, _deltas[i - 1].AsSpan(0, rows * layer.Inputs));
            }
        }
    }

    /// <summary>dW = δᵀ·input and db = column sums of δ, written over the layer's slice of the gradient.</summary>
    private static void AccumulateParameterGradient(MlpLayer layer, ReadOnlySpan<float> delta, ReadOnlySpan<float> below, int rows, Span<float> gradient)
    {
        int inputs = layer.Inputs;
        int outputs = layer.Outputs;
        var weightGradient = gradient.Slice(layer.WeightOffset, layer.WeightCount);
        var biasGradient = gradient.Slice(layer.BiasOffset, outputs);
        weightGradient.Clear();

        // Unit-major for the same cache reason as the forward pass: the gradient row being summed stays in L1.
        for (int unit = 0; unit < outputs; unit++)
        {
            var rowGradient = weightGradient.Slice(unit * inputs, inputs);
            float biasSum = 0;
            for (int row = 0; row < rows; row++)
            {
                float d = delta[(row * outputs) + unit];

                // Hidden units that the ReLU switched off for this example have δ = 0: about half, for free.
                if (d == 0f)
                {
                    continue;
                }

                TensorPrimitives.MultiplyAdd(below.Slice(row * inputs, inputs), d, rowGradient, rowGradient);
                biasSum += d;
            }

            biasGradient[unit] = biasSum;
        }
    }

    /// <summary>δ_below = (δ·W) ⊙ ReLU′(below), where ReLU′ is read off the stored activations (a &gt; 0).</summary>
    private static void PropagateDelta(
        MlpLayer layer, ReadOnlySpan<float> parameters, ReadOnlySpan<float> delta, ReadOnlySpan<float> below, int rows, Span<float> deltaBelow)
    {
        int inputs = layer.Inputs;
        int outputs = layer.Outputs;
        var weights = parameters.Slice(layer.WeightOffset, layer.WeightCount);
        for (int row = 0; row < rows; row++)
        {
            var target = deltaBelow.Slice(row * inputs, inputs);
            target.Clear();
            for (int unit = 0; unit < outputs; unit++)
            {
                float d = delta[(row * outputs) + unit];
                if (d != 0f)
                {
                    TensorPrimitives.MultiplyAdd(weights.Slice(unit * inputs, inputs), d, target, target);
                }
            }

            // At a == 0 exactly (the kink) the subgradient 0 is taken, as every framework does.
            var activation = below.Slice(row * inputs, inputs);
            for (int k = 0; k < inputs; k++)
            {
                if (activation[k] <= 0f)
                {
                    target[k] = 0f;
                }
            }
        }
    }

    private void EnsureCapacity(int rows)
    {
        if (rows <= _capacity)
        {
            return;
        }

        for (int i = 0; i < _layers.Length; i++)
        {
            _activations[i] = new float[rows * _layers[i].Outputs];
            _deltas[i] = new float[rows * _layers[i].Outputs];
        }

        _capacity = rows;
    }

    private void CheckLength(int length, string name)
    {
        if (length != _parameterCount)
        {
            throw new ArgumentException($"Expected {_parameterCount} values, got {length}.", name);
        }
    }
}
