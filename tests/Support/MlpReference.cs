using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;

namespace HybridSgd.Tests.Support;

/// <summary>
/// The MLP forward pass written the plain way (per example, scalar loops, double precision): a second opinion on
/// the kernel's loss, and the pre-activations a gradient check needs to stay clear of ReLU kinks.
/// </summary>
internal static class MlpReference
{
    /// <returns>The mean softmax cross-entropy and, per layer, the pre-activations [rows × units] row-major.</returns>
    public static (double Loss, double[][] PreActivations) Forward(MlpModel model, ReadOnlySpan<float> parameters, Minibatch batch)
    {
        var layers = model.Layers;
        var preActivations = new double[layers.Length][];
        for (int i = 0; i < layers.Length; i++)
        {
            preActivations[i] = new double[batch.Count * layers[i].Outputs];
        }

        double loss = 0;
        for (int row = 0; row < batch.Count; row++)
        {
            double[] input = [.. batch.Row(row).ToArray().Select(v => (double)v)];
            for (int i = 0; i < layers.Length; i++)
            {
                var layer = layers[i];
                var output = new double[layer.Outputs];
                for (int unit = 0; unit < layer.Outputs; unit++)
                {
                    double sum = parameters[layer.BiasOffset + unit];
                    for (int k = 0; k < layer.Inputs; k++)
                    {
                        sum += parameters[layer.WeightOffset + (unit * layer.Inputs) + k] * input[k];
                    }

                    preActivations[i][(row * layer.Outputs) + unit] = sum;
                    output[unit] = i < layers.Length - 1 ? Math.Max(sum, 0) : sum;
                }

                input = output;
            }

            double max = input.Max();
            loss += Math.Log(input.Sum(s => Math.Exp(s - max))) + max - input[(int)batch.Labels[row]];
        }

        return (loss / batch.Count, preActivations);
    }

    /// <summary>True when every hidden pre-activation has the same sign (ReLU on or off) in both passes.</summary>
    public static bool SameReluPattern(double[][] first, double[][] second)
    {
        for (int i = 0; i < first.Length - 1; i++)
        {
            for (int j = 0; j < first[i].Length; j++)
            {
                if (first[i][j] > 0 != second[i][j] > 0)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
