using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace HybridSgd.Datasets.Tabular.Featurizing;

/// <summary>
/// The label half of the featurizer: class values to keys (sorted by value, so key 2 of a binary label is the
/// larger value: 1 of {0, 1}, "yes" of {no, yes}), or a numeric target to Single.
/// </summary>
internal static class LabelEstimator
{
    public static IEstimator<ITransformer> Build(MLContext ml, string rawLabel, DataViewType rawType, LearningTask task)
    {
        if (task == LearningTask.Regression)
        {
            return ml.Transforms.Conversion.ConvertType(DataColumns.Label, rawLabel, DataKind.Single);
        }

        if (rawType is TextDataViewType)
        {
            return ml.Transforms.Conversion.MapValueToKey(DataColumns.Label, rawLabel, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue);
        }

        // Every numeric label goes through Single so a double 1 and a float 1 are the same class.
        return ml.Transforms.Conversion.ConvertType(RawColumns.LabelValue, rawLabel, DataKind.Single)
            .Append(ml.Transforms.Conversion.MapValueToKey(
                DataColumns.Label, RawColumns.LabelValue, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue));
    }
}
