using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace HybridSgd.Datasets.Tabular.Featurizing;

/// <summary>
/// The feature half of the featurizer: numbers to Single with missing values replaced by the training mean, text
/// one-hot over the training values, everything concatenated into <c>Features</c> and normalized. Every step
/// writes its column in place, so the slot names of <c>Features</c> are the file's column names.
/// </summary>
internal static class FeatureEstimator
{
    /// <param name="features">The raw feature columns by their names in <paramref name="rawSchema"/> (<see cref="RawColumns.Of"/>).</param>
    public static IEstimator<ITransformer> Build(
        MLContext ml, DataViewSchema rawSchema, IReadOnlyList<TabularColumn> features, FeatureNormalization normalization)
    {
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        var numeric = new List<InputOutputColumnPair>();
        var names = new List<string>();
        foreach (TabularColumn feature in features)
        {
            string raw = feature.Name;
            names.Add(raw);
            if (feature.Kind == TabularColumnKind.Text)
            {
                // Indicator one-hot; a value not seen in training becomes all zeros rather than an error.
                chain = chain.Append(ml.Transforms.Categorical.OneHotEncoding(
                    raw, raw, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue));
                continue;
            }

            DataViewType type = rawSchema[raw].Type;
            if ((type is VectorDataViewType vector ? vector.ItemType : type) != NumberDataViewType.Single)
            {
                chain = chain.Append(ml.Transforms.Conversion.ConvertType(raw, raw, DataKind.Single));
            }

            numeric.Add(new InputOutputColumnPair(raw, raw));
        }

        if (numeric.Count > 0)
        {
            chain = chain.Append(ml.Transforms.ReplaceMissingValues(numeric.ToArray(), MissingValueReplacingEstimator.ReplacementMode.Mean));
        }

        chain = chain.Append(ml.Transforms.Concatenate(DataColumns.Features, names.ToArray()));
        return Normalizer(ml, normalization) is { } normalizer ? chain.Append(normalizer) : chain;
    }

    /// <summary>The last step, the normalizer of <c>Features</c> that <paramref name="normalization"/> names (null for none).</summary>
    public static IEstimator<ITransformer>? Normalizer(MLContext ml, FeatureNormalization normalization) => normalization switch
    {
        // fixZero: false gives true min-max ([0, 1] on the training rows) and true z-scores; fixZero keeps sparsity
        // but maps a column of positive values to [x/max, 1] and does not centre, which is not what the option says.
        FeatureNormalization.MinMax => ml.Transforms.NormalizeMinMax(DataColumns.Features, fixZero: false),
        FeatureNormalization.MeanVariance => ml.Transforms.NormalizeMeanVariance(DataColumns.Features, fixZero: false),
        FeatureNormalization.None => null,
        _ => throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Auto is resolved to a kind before fitting (NormalizationChoice)."),
    };
}
