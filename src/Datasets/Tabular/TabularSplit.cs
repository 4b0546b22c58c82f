using Microsoft.ML;

namespace HybridSgd.Datasets.Tabular;

/// <summary>The featurized training and test views of a tabular dataset and the spec that made them.</summary>
/// <param name="Train">Rows with <c>Features</c> (known-size Single vector) and <c>Label</c> (key or Single).</param>
/// <param name="Test">The test file, or the seeded holdout of the training file, featurized the same way.</param>
/// <param name="Spec">Everything needed to featurize new files the same way; store it with the model.</param>
/// <param name="TrainRows">Rows in <paramref name="Train"/>.</param>
/// <param name="TestRows">Rows in <paramref name="Test"/>.</param>
public sealed record TabularSplit(IDataView Train, IDataView Test, TabularSpec Spec, long TrainRows, long TestRows);
