using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Tests.Datasets.Tabular;

/// <summary>Reads the trainer's columns out of a view, for assertions.</summary>
internal static class ViewColumns
{
    public static float[][] Features(IDataView view, string column = DataColumns.Features)
        => view.GetColumn<VBuffer<float>>(column).Select(v => v.DenseValues().ToArray()).ToArray();

    public static uint[] Keys(IDataView view) => view.GetColumn<uint>(DataColumns.Label).ToArray();

    public static float[] Targets(IDataView view) => view.GetColumn<float>(DataColumns.Label).ToArray();

    public static int KeyCount(IDataView view) => (int)((KeyDataViewType)view.Schema[DataColumns.Label].Type).Count;
}
