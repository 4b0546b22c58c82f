namespace HybridSgd.Pipeline.Persistence;

/// <summary>The self-description stored in front of a model file's weights.</summary>
/// <param name="Model">Model name, as <see cref="Models.ModelFactory"/> knows it.</param>
/// <param name="FeatureCount">Inputs the model expects.</param>
/// <param name="OutputCount">Outputs (classes) it produces.</param>
/// <param name="ClassNames">Label of each output, in order (may be empty).</param>
/// <param name="Dataset">Name of the data it was trained on.</param>
/// <param name="HiddenLayers">Hidden layer sizes (an MLP's architecture; empty for linear models).</param>
public sealed record ModelHeader(string Model, int FeatureCount, int OutputCount, IReadOnlyList<string> ClassNames, string Dataset, IReadOnlyList<int>? HiddenLayers = null);
