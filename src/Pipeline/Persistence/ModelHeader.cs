using System.Text.Json;
using HybridSgd.Pipeline.Data;

namespace HybridSgd.Pipeline.Persistence;

/// <summary>The self-description stored in front of a model file's weights (JSON, so a person can read it too).</summary>
/// <param name="Model">Model name, as <see cref="Models.ModelFactory"/> knows it.</param>
/// <param name="FeatureCount">Inputs the model expects.</param>
/// <param name="OutputCount">Outputs it produces (classes for softmax; 1 for logistic and regression).</param>
/// <param name="ClassNames">Label of each class, in key order (empty for regression).</param>
/// <param name="Dataset">Name of the data it was trained on.</param>
/// <param name="HiddenLayers">Hidden layer sizes (an MLP's architecture; empty for linear models).</param>
/// <param name="Task">What the model predicts (files written before tasks existed are multiclass).</param>
/// <param name="Data">
/// How to read and featurize new data for this model: the tabular loader's spec (columns, label mapping,
/// normalisation and the fitted ML.NET transforms); null for the built-in datasets, which need none.
/// </param>
public sealed record ModelHeader(
    string Model,
    int FeatureCount,
    int OutputCount,
    IReadOnlyList<string> ClassNames,
    string Dataset,
    IReadOnlyList<int>? HiddenLayers = null,
    LearningTask Task = LearningTask.Multiclass,
    JsonElement? Data = null);
