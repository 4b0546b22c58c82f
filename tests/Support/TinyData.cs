using HybridSgd.Pipeline.Data;

namespace HybridSgd.Tests.Support;

/// <summary>A handful of hand-written rows, for arithmetic that is easier to check on numbers one can read.</summary>
internal static class TinyData
{
    public static DenseDataset Rows(float[][] features, float[] labels) =>
        DenseDataset.FromRows(features.SelectMany(f => f).ToArray(), labels, features[0].Length);
}
