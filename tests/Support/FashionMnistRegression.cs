using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Tests.Support;

/// <summary>Fashion-MNIST rows with a real-valued target (the class index over 9), for the regression models' contract.</summary>
internal static class FashionMnistRegression
{
    public static TestSplit Load(int trainRows, int testRows)
    {
        var source = FashionMnistSubset.Load(trainRows, testRows);
        var ml = source.Ml;
        var train = ml.Data.Cache(ToDataView(ml, source.TrainRows));
        return new TestSplit(ml, "fashion-mnist-regression", train, DenseDataset.FromDataView(ToDataView(ml, source.Test)), source.FeatureCount, 0, LearningTask.Regression);
    }

    private static IDataView ToDataView(MLContext ml, DenseDataset data)
    {
        var rows = Enumerable.Range(0, data.Count).Select(i => new Row { Features = data.Row(i).ToArray(), Label = data.Labels[i] / 9f }).ToList();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.FeatureCount);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    public sealed class Row
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
