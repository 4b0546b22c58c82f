using System.Text.Json.Serialization;

namespace HybridSgd.Pipeline.Data;

/// <summary>
/// What a model predicts, which fixes the loss, the label column's type and the metrics. Classification labels
/// are ML.NET keys (1-based in the data, 0 meaning missing); regression labels are Single values.
/// </summary>
/// <remarks>Written by name in JSON (model files, reports), so a reader sees "Binary", not 1.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<LearningTask>))]
public enum LearningTask
{
    /// <summary>One of K classes: softmax cross-entropy; accuracy, macro accuracy, log-loss.</summary>
    Multiclass,

    /// <summary>One of two classes (key 2 is the positive class): logistic loss; accuracy, AUC, log-loss, F1.</summary>
    Binary,

    /// <summary>A real value: squared loss; RMSE, MAE, R².</summary>
    Regression,
}
