using Microsoft.ML;

namespace HybridSgd.Datasets;

/// <summary>The Fashion-MNIST train and test splits as streaming ML.NET data views.</summary>
/// <param name="Train">60,000 rows of "Label" (key, 1-based) and "Features" (float[784] in [0, 1]).</param>
/// <param name="Test">10,000 rows with the same schema.</param>
/// <param name="FeatureCount">Pixels per image (rows x columns from the header; 784).</param>
/// <param name="ClassCount">Number of classes, which is the label key's cardinality (10).</param>
/// <param name="ClassNames">Class names in label order: key value k is <c>ClassNames[k - 1]</c>.</param>
public sealed record FashionMnistSplit(
    IDataView Train,
    IDataView Test,
    int FeatureCount,
    int ClassCount,
    IReadOnlyList<string> ClassNames);
