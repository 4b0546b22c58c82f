using HybridSgd.Datasets;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Tests.Pipeline;

/// <summary>
/// <c>FromDataViewSplit</c> reads each row straight into its side of the split (Fashion-MNIST's rows held once); the
/// specification is that it gives exactly what reading everything and then splitting gives.
/// </summary>
public sealed class DenseDatasetReadSplitTests
{
    private sealed class Row
    {
        [VectorType(2)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    [Fact]
    public void FromDataViewSplit_FashionMnist_SameRowsAsReadThenSplit()
    {
        var ml = new MLContext(1);
        var train = ml.Data.TakeRows(FashionMnist.Load(ml, DatasetLocator.ResolveFashionMnistDirectory(null)).Train, 3000);
        Assert.Equal(3000, train.GetRowCount());

        AssertSameAsReadThenSplit(train, 0.1, seed: 7);
    }

    [Fact]
    public void FromDataViewSplit_UnusableRow_FallsBackToReadThenSplit()
    {
        // A NaN label is skipped: the split is over the 49 usable rows, not the 50 the view counts.
        var rows = Enumerable.Range(0, 50).Select(i => new Row { Features = [i, -i], Label = i == 17 ? float.NaN : i }).ToList();
        var view = new MLContext(0).Data.LoadFromEnumerable(rows);
        Assert.Equal(50, view.GetRowCount());

        var (kept, held) = AssertSameAsReadThenSplit(view, 0.2, seed: 3);
        Assert.Equal(49, kept.Count + held.Count);
    }

    [Fact]
    public void FromDataViewSplit_UnknownCount_SameRowsAsReadThenSplit()
    {
        var ml = new MLContext(0);
        var rows = Enumerable.Range(0, 40).Select(i => new Row { Features = [i, 2 * i], Label = i }).ToList();
        var view = ml.Data.FilterRowsByColumn(ml.Data.LoadFromEnumerable(rows), nameof(Row.Label), lowerBound: 5);
        Assert.Null(view.GetRowCount());

        AssertSameAsReadThenSplit(view, 0.25, seed: 1);
    }

    [Fact]
    public void FromDataViewSplit_NoFraction_KeepsEveryRow()
    {
        var rows = Enumerable.Range(0, 10).Select(i => new Row { Features = [i, i], Label = i }).ToList();
        var (kept, held) = DenseDataset.FromDataViewSplit(new MLContext(0).Data.LoadFromEnumerable(rows), 0, seed: 1);

        Assert.Equal(10, kept.Count);
        Assert.Equal(0, held.Count);
    }

    private static (DenseDataset Kept, DenseDataset HeldOut) AssertSameAsReadThenSplit(IDataView view, double fraction, int seed)
    {
        var (expectedKept, expectedHeld) = DenseDataset.FromDataView(view).Split(fraction, seed);

        var (kept, held) = DenseDataset.FromDataViewSplit(view, fraction, seed);

        Assert.True(held.Count > 0);
        Assert.Equal(expectedKept.Features, kept.Features);
        Assert.Equal(expectedKept.Labels, kept.Labels);
        Assert.Equal(expectedHeld.Features, held.Features);
        Assert.Equal(expectedHeld.Labels, held.Labels);
        return (kept, held);
    }
}
