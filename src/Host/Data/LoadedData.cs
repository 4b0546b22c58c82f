using System.Text.Json;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Host.Data;

/// <summary>A train/test split and what a model file must remember about it.</summary>
/// <param name="ClassNames">Label of each class, in key order (empty for regression).</param>
/// <param name="Spec">How to read and featurize new files like it (tabular data only), as stored in the model file.</param>
/// <param name="TaskReason">Why the task is what it is, for the log (e.g. how auto decided).</param>
internal sealed record LoadedData(TrainingData Data, IReadOnlyList<string> ClassNames, JsonElement? Spec, string TaskReason);
