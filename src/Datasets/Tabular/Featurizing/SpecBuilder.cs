using System.Collections.Immutable;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace HybridSgd.Datasets.Tabular.Featurizing;

/// <summary>Fits both halves of the featurizer on the training rows and writes down what they learned.</summary>
internal static class SpecBuilder
{
    // ML.NET's own constants for these (AnnotationUtils.Kinds) are internal.
    private const string KeyValuesKind = "KeyValues";
    private const string SlotNamesKind = "SlotNames";

    public static (FittedFeaturizer Featurizer, TabularSpec Spec) Fit(
        MLContext ml, RawTable table, IDataView trainRaw, LearningTask task, string taskReason, FeatureNormalization normalization)
    {
        DataViewSchema rawSchema = trainRaw.Schema;
        FittedFeaturizer fitted = OnePassFit.TryFit(ml, table, trainRaw, task, normalization)
            ?? new FittedFeaturizer(
                LabelEstimator.Build(ml, table.Label, rawSchema[table.Label].Type, task).Fit(trainRaw),
                FeatureEstimator.Build(ml, rawSchema, RawColumns.Of(table.Features, table.Layout), normalization).Fit(trainRaw));
        ITransformer label = fitted.Label;
        ITransformer features = fitted.Features;

        DataViewSchema labelOut = label.GetOutputSchema(rawSchema);
        DataViewSchema featuresOut = features.GetOutputSchema(rawSchema);
        IReadOnlyList<string> classNames = task == LearningTask.Regression ? [] : ClassNames(labelOut[DataColumns.Label]);
        if (task != LearningTask.Regression && classNames.Count < 2)
        {
            throw new DatasetFormatException(
                table.Path,
                $"the training rows have a single label value ('{string.Join("", classNames)}') after the holdout was set apart: " +
                "nothing to learn; use more data or a smaller holdout.",
                column: table.Label);
        }

        if (task == LearningTask.Binary && classNames.Count != 2)
        {
            throw new DatasetFormatException(
                table.Path,
                $"task binary needs two classes, but label '{table.Label}' has {classNames.Count} in the training rows ({string.Join(", ", classNames)}).",
                column: table.Label);
        }

        var featureColumn = featuresOut[DataColumns.Features];
        var (offsets, scales) = NormalizerParameters(features);
        var spec = new TabularSpec
        {
            Format = table.Format,
            Separator = table.Separator,
            ZeroBasedIndices = table.ZeroBasedIndices,
            Label = table.Label,
            LabelKind = table.Profile.Kind,
            Features = table.Features,
            RawLayout = table.Layout,
            Task = task,
            TaskReason = taskReason,
            ClassNames = classNames,
            FeatureCount = ((VectorDataViewType)featureColumn.Type).Size,
            FeatureNames = SlotNames(featureColumn),
            Normalization = normalization,
            NormalizationOffsets = offsets,
            NormalizationScales = scales,
            LabelTransform = TransformerBytes.Save(ml, label, rawSchema),
            FeatureTransform = TransformerBytes.Save(ml, features, rawSchema),
        };
        return (fitted, spec);
    }

    private static List<string> ClassNames(DataViewSchema.Column label)
    {
        DataViewType? valuesType = label.Annotations.Schema.GetColumnOrNull(KeyValuesKind)?.Type;
        if (valuesType is VectorDataViewType { ItemType: TextDataViewType })
        {
            var values = default(VBuffer<ReadOnlyMemory<char>>);
            label.Annotations.GetValue(KeyValuesKind, ref values);
            return values.DenseValues().Select(v => v.ToString()).ToList();
        }

        var numbers = default(VBuffer<float>);
        label.Annotations.GetValue(KeyValuesKind, ref numbers);
        return numbers.DenseValues().Select(v => Text.NumericText.Format(v)).ToList();
    }

    private static List<string> SlotNames(DataViewSchema.Column features)
    {
        if (features.Annotations.Schema.GetColumnOrNull(SlotNamesKind) is null)
        {
            return [];
        }

        var names = default(VBuffer<ReadOnlyMemory<char>>);
        features.Annotations.GetValue(SlotNamesKind, ref names);
        return names.DenseValues().Select(v => v.ToString()).ToList();
    }

    /// <summary>The normalizer's affine parameters, for people reading the spec; empty when there is no normalizer.</summary>
    private static (IReadOnlyList<float> Offsets, IReadOnlyList<float> Scales) NormalizerParameters(ITransformer features)
    {
        // The chain's type argument is its last transformer's type, so look at it as a sequence.
        if (features is not IEnumerable<ITransformer> chain || chain.LastOrDefault() is not NormalizingTransformer normalizer)
        {
            return ([], []);
        }

        if (normalizer.GetNormalizerModelParameters(0) is NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>> affine)
        {
            return (affine.Offset.IsDefault ? [] : affine.Offset.ToArray(), affine.Scale.ToArray());
        }

        return ([], []);
    }
}
