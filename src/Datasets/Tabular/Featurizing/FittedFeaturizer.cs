using Microsoft.ML;

namespace HybridSgd.Datasets.Tabular.Featurizing;

/// <summary>The two fitted halves of the featurizer and how to apply them to raw rows.</summary>
internal sealed class FittedFeaturizer(ITransformer label, ITransformer features)
{
    public ITransformer Label { get; } = label;

    public ITransformer Features { get; } = features;

    /// <summary>Label first: the feature transform may overwrite a raw column the label is read from (one named "Features").</summary>
    public IDataView Apply(IDataView raw, bool hasLabel)
        => Features.Transform(hasLabel ? Label.Transform(raw) : raw);

    public static FittedFeaturizer FromSpec(MLContext ml, TabularSpec spec)
        => new(
            TransformerBytes.Load(ml, spec.LabelTransform, "label transform"),
            TransformerBytes.Load(ml, spec.FeatureTransform, "feature transform"));
}
