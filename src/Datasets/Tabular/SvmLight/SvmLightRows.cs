using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Datasets.Tabular.SvmLight;

/// <summary>
/// The rows kept by <see cref="SvmLightScanner"/> as an ML.NET view with the columns ML.NET's SVMlight loader makes
/// (<c>Label</c> Single, <c>Features</c> sparse Single vector of the training dimension).
/// </summary>
/// <remarks>
/// Not <c>ml.Data.LoadFromSvmLightFile</c>: in ML.NET 5.0.1 its loader shares one sparse buffer between the threads
/// of a parallel cursor, and on a multi-core machine fitting a normalizer over ~150 rows fails about one run in two
/// with "Duplicate keys found in dataset" (caching does not help: the cache's filler reads through the same
/// parallel cursor). The scan parses every token anyway, so its rows are kept (O(non-zeros) memory) instead.
/// </remarks>
internal static class SvmLightRows
{
    public static IDataView ToDataView(MLContext ml, IReadOnlyList<(float Label, int[] Indices, float[] Values)> rows, int featureCount, bool zeroBased)
    {
        int shift = zeroBased ? 0 : 1;
        var data = rows.Select(r =>
        {
            int[] order = Enumerable.Range(0, r.Indices.Length).OrderBy(k => r.Indices[k]).ToArray();
            int[] indices = order.Select(k => r.Indices[k] - shift).ToArray();
            float[] values = order.Select(k => r.Values[k]).ToArray();
            return new Row { Label = r.Label, Features = new VBuffer<float>(featureCount, indices.Length, values, indices) };
        }).ToList();

        var schema = SchemaDefinition.Create(typeof(Row));
        schema[DataColumns.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return ml.Data.LoadFromEnumerable(data, schema);
    }

    private sealed class Row
    {
        public float Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
