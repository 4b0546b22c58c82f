using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Tests.Support;

/// <summary>
/// A real binary task on Fashion-MNIST rows: footwear (sandal, sneaker, ankle boot) against everything else.
/// The label is a 2-class key, key 2 (class index 1) = footwear, as the tabular loader produces for binary data.
/// </summary>
internal static class FashionMnistFootwear
{
    private static readonly int[] Footwear = [5, 7, 9];

    public static TestSplit Load(int trainRows, int testRows)
    {
        var source = FashionMnistSubset.Load(trainRows, testRows);
        var ml = source.Ml;
        var train = Relabel(DenseDataset.FromDataView(source.Train));
        var test = Relabel(source.Test);
        var trainView = ml.Data.Cache(ToDataView(ml, train));
        var testView = ToDataView(ml, test);
        return new TestSplit(ml, "fashion-mnist-footwear", trainView, DenseDataset.FromDataView(testView), source.FeatureCount, 2, LearningTask.Binary);
    }

    private static Row[] Relabel(DenseDataset data) => Enumerable.Range(0, data.Count)
        .Select(i => new Row { Features = data.Row(i).ToArray(), Label = Footwear.Contains((int)data.Labels[i]) ? 1u : 0u })
        .ToArray();

    // A key-typed property holds the zero-based index (ML.NET stores it as key index + 1).
    private static IDataView ToDataView(MLContext ml, Row[] rows)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), 2);
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, rows[0].Features.Length);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    public sealed class Row
    {
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }
    }
}
