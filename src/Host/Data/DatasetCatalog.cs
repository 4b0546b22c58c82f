using HybridSgd.Datasets;
using HybridSgd.Host.Options;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Training;
using Microsoft.ML;

namespace HybridSgd.Host.Data;

/// <summary>Turns the <c>Data</c> settings into a train/test split the trainer can stream.</summary>
internal static class DatasetCatalog
{
    public static IReadOnlyList<string> Names { get; } = [FashionMnist.Name];

    public static (TrainingData Data, IReadOnlyList<string> ClassNames) Load(MLContext ml, DataOptions options)
    {
        if (options.Dataset != FashionMnist.Name)
        {
            throw new ArgumentException($"{DataOptions.SectionName}:Dataset '{options.Dataset}' is not a known dataset.");
        }

        var split = FashionMnist.Load(ml, DatasetLocator.ResolveFashionMnistDirectory(options.Directory));
        var train = options.TrainRows is { } rows ? ml.Data.TakeRows(split.Train, rows) : split.Train;

        // The IDX files are gzip: decompressing every epoch would starve the workers, and only a cached view
        // can hand out a fully shuffled cursor. 60k × 784 floats is about 190 MB.
        var cached = ml.Data.Cache(train);
        Prefill(cached);
        var testView = options.TestRows is { } testRows ? ml.Data.TakeRows(split.Test, testRows) : split.Test;
        var test = DenseDataset.FromDataView(testView);
        return (new TrainingData(ml, FashionMnist.Name, cached, test, split.FeatureCount, split.ClassCount, testView), split.ClassNames);
    }

    /// <summary>
    /// Reads the cache full before the clock starts, so a time budget measures training, not decompression
    /// (otherwise the first epoch of every run would pay ~1 s of gzip).
    /// </summary>
    private static void Prefill(IDataView cached)
    {
        using var cursor = cached.GetRowCursor(cached.Schema);
        while (cursor.MoveNext())
        {
        }
    }
}
