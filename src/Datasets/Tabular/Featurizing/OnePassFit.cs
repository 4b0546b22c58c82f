using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Datasets.Tabular.Featurizing;

/// <summary>
/// Fits the featurizer of a file whose features are one numeric vector with one pass over the training rows.
/// Fitted the usual way, the label's keys, the missing-value means and the normalizer each read every row again
/// (three passes, each parsing the whole file). Here one pass gathers what they learn — the label's values, each
/// slot's mean, least and largest value — and the same ML.NET estimators are then fitted on a few rows that carry
/// exactly those statistics: the label's distinct values (keys are sorted by value, so their order does not matter),
/// one row of means, and the least and largest rows put through the fitted mean replacement. The transforms are
/// ML.NET's own and saved as before; only where their statistics come from changes.
/// </summary>
internal static class OnePassFit
{
    /// <summary>
    /// Whether <see cref="TryFit"/> fits <paramref name="table"/> read as <paramref name="schema"/>: its features are
    /// one numeric vector, its label Single or text, and the normalisation one whose statistics the pass gathers.
    /// </summary>
    public static bool Fits(RawTable table, DataViewSchema schema, FeatureNormalization normalization) =>
        table.Layout == RawFeatureLayout.NumericVector
        && normalization is (FeatureNormalization.MinMax or FeatureNormalization.None)
        && schema.GetColumnOrNull(RawColumns.NumericFeatures)?.Type is VectorDataViewType { IsKnownSize: true } vector
        && vector.ItemType == NumberDataViewType.Single
        && schema.GetColumnOrNull(table.Label)?.Type is { } label
        && (label == NumberDataViewType.Single || label is TextDataViewType);

    /// <summary>The featurizer, or null when it does not <see cref="Fits"/> (or the training part is empty).</summary>
    public static FittedFeaturizer? TryFit(
        MLContext ml, RawTable table, IDataView trainRaw, LearningTask task, FeatureNormalization normalization)
    {
        DataViewSchema schema = trainRaw.Schema;
        if (!Fits(table, schema, normalization))
        {
            return null;
        }

        int slots = ((VectorDataViewType)schema[RawColumns.NumericFeatures].Type).Size;
        DataViewType labelType = schema[table.Label].Type;
        return labelType is TextDataViewType
            ? Fit<ReadOnlyMemory<char>, string>(ml, table, trainRaw, task, normalization, slots, labelType, value => value.ToString(), text => text.AsMemory())
            : Fit<float, float>(ml, table, trainRaw, task, normalization, slots, labelType, value => value, value => value);
    }

    /// <typeparam name="TKey">How a label value is told apart from the others (text as a string: its memory is the cursor's).</typeparam>
    private static FittedFeaturizer? Fit<TLabel, TKey>(
        MLContext ml, RawTable table, IDataView trainRaw, LearningTask task, FeatureNormalization normalization, int slots, DataViewType labelType,
        Func<TLabel, TKey> distinctKey, Func<TKey, TLabel> fromKey)
        where TKey : notnull
    {
        // Regression learns nothing from the label (a conversion to Single), so its values are not collected.
        bool collectLabels = task != LearningTask.Regression;
        var statistics = new SlotStatistics(slots);
        var labels = new HashSet<TKey>();
        var labelColumn = trainRaw.Schema[table.Label];
        var featuresColumn = trainRaw.Schema[RawColumns.NumericFeatures];
        using (var cursor = trainRaw.GetRowCursor(collectLabels ? [labelColumn, featuresColumn] : [featuresColumn]))
        {
            var features = cursor.GetGetter<VBuffer<float>>(featuresColumn);
            var label = collectLabels ? cursor.GetGetter<TLabel>(labelColumn) : null;
            var row = default(VBuffer<float>);
            var dense = new float[slots];
            TLabel value = default!;
            while (cursor.MoveNext())
            {
                features(ref row);
                if (row.IsDense)
                {
                    statistics.Add(row.GetValues());
                }
                else
                {
                    row.CopyTo(dense);
                    statistics.Add(dense);
                }

                if (label is not null)
                {
                    label(ref value);
                    labels.Add(distinctKey(value));
                }
            }
        }

        if (statistics.Rows == 0)
        {
            return null; // Nothing to gather: the usual fit gives its own answer to an empty training part.
        }

        var labelRows = labels.Count > 0 ? labels.Select(fromKey).ToList() : [default!];
        var rows = new Rows<TLabel>(table.Label, labelType, slots, labelRows[0]);
        ITransformer labelTransform = LabelEstimator.Build(ml, table.Label, labelType, task).Fit(rows.Of(labelRows.Select(l => (l, new float[slots]))));
        return new FittedFeaturizer(labelTransform, FeatureTransform(ml, table, rows, statistics, normalization));
    }

    /// <summary>ML.NET's mean replacement, concatenation and normalizer, fitted on rows with exactly the pass's statistics.</summary>
    private static ITransformer FeatureTransform<TLabel>(
        MLContext ml, RawTable table, Rows<TLabel> rows, SlotStatistics statistics, FeatureNormalization normalization)
    {
        int slots = statistics.Slots;
        IDataView means = rows.Of(statistics.Means());
        var steps = FeatureEstimator.Build(ml, means.Schema, RawColumns.Of(table.Features, table.Layout), FeatureNormalization.None);
        var transforms = ((IEnumerable<ITransformer>)steps.Fit(means)).ToList();
        if (FeatureEstimator.Normalizer(ml, normalization) is not { } normalizer)
        {
            return new TransformerChain<ITransformer>([.. transforms]);
        }

        // The normalizer sees the values after the means replaced the missing ones: the least, the largest, and in a
        // slot that had a missing value the mean itself (a NaN here, replaced by the fitted transform).
        float[] minima = statistics.Minima();
        float[] maxima = statistics.Maxima();
        float[] replaced = Enumerable.Range(0, slots).Select(i => statistics.HadMissing(i) ? float.NaN : minima[i]).ToArray();
        IDataView extremes = rows.Of(minima, maxima, replaced);
        IDataView seen = transforms.Aggregate(extremes, (view, transform) => transform.Transform(view));
        transforms.Add(normalizer.Fit(seen));
        return new TransformerChain<ITransformer>([.. transforms]);
    }

    /// <summary>Makes views of a few rows with the file's label and features columns.</summary>
    private sealed class Rows<TLabel>(string labelName, DataViewType labelType, int slots, TLabel anyLabel)
    {
        public IDataView Of(IEnumerable<(TLabel Label, float[] Features)> rows)
            => new StatisticRows<TLabel>(labelName, labelType, RawColumns.NumericFeatures, slots, rows.ToList());

        /// <summary>Rows of features (the label estimator does not read them: any label will do).</summary>
        public IDataView Of(params float[][] features) => Of(features.Select(f => (anyLabel, f)));
    }
}
