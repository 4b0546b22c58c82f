namespace HybridSgd.Pipeline.Models;

/// <summary>
/// Where one fully connected layer of an <see cref="MlpModel"/> lives in the flat parameter vector: its weights
/// W [Outputs × Inputs] row-major at <see cref="WeightOffset"/>, then its biases b [Outputs].
/// </summary>
internal readonly record struct MlpLayer(int Inputs, int Outputs, int WeightOffset)
{
    public int WeightCount => Inputs * Outputs;

    public int BiasOffset => WeightOffset + WeightCount;

    /// <summary>First parameter after this layer: where the next layer starts.</summary>
    public int End => BiasOffset + Outputs;

    /// <summary>Lays the layers out one after the other: input → each hidden size → outputs.</summary>
    public static MlpLayer[] Stack(int featureCount, IReadOnlyList<int> hiddenLayers, int outputCount)
    {
        var layers = new MlpLayer[hiddenLayers.Count + 1];
        long offset = 0;
        int inputs = featureCount;
        for (int i = 0; i < layers.Length; i++)
        {
            int outputs = i < hiddenLayers.Count ? hiddenLayers[i] : outputCount;

            // Offsets are ints (spans are int-indexed): refuse a network that does not fit rather than wrap.
            long end = offset + (((long)inputs + 1) * outputs);
            if (end > Array.MaxLength)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(hiddenLayers), $"An MLP with layers [{string.Join(", ", hiddenLayers)}] has more than {Array.MaxLength} parameters.");
            }

            layers[i] = new MlpLayer(inputs, outputs, (int)offset);
            offset = end;
            inputs = outputs;
        }

        return layers;
    }
}
