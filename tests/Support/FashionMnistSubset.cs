using HybridSgd.Datasets;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Training;
using Microsoft.ML;

namespace HybridSgd.Tests.Support;

/// <summary>Real data for tests: the first rows of the embedded Fashion-MNIST, read through the IDX reader.</summary>
internal static class FashionMnistSubset
{
    public static TestSplit Load(int trainRows, int testRows, int seed = 1)
    {
        var ml = new MLContext(seed);
        var split = FashionMnist.Load(ml, DatasetLocator.ResolveFashionMnistDirectory(null));

        // Cached so that tests replaying one order read identical rows each time, and so epochs are cheap.
        var train = ml.Data.Cache(ml.Data.TakeRows(split.Train, trainRows));
        var test = DenseDataset.FromDataView(split.Test, testRows);
        return new TestSplit(ml, FashionMnist.Name, train, test, split.FeatureCount, split.ClassCount);
    }
}
