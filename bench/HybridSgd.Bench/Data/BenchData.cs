using System.Diagnostics;
using HybridSgd.Datasets;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Training;
using Microsoft.ML;

namespace HybridSgd.Bench.Data;

/// <summary>
/// Fashion-MNIST 60k/10k loaded the way the hybridsgd host loads it (src/Host/Data/DatasetCatalog.cs): the
/// training rows in an ML.NET cache read full before any clock starts, the test rows in memory. The plain loop
/// and the ML.NET trainers get the very same rows.
/// </summary>
internal sealed class BenchData
{
    private BenchData(IDataView trainView, DenseDataset trainDense, IDataView testView, DenseDataset test, int classCount, double loadSeconds)
    {
        TrainView = trainView;
        TrainDense = trainDense;
        TestView = testView;
        Test = test;
        Training = new TrainingSet(FashionMnist.Name, TrainingRows.InMemory(trainDense), LearningTask.Multiclass, classCount);
        LoadSeconds = loadSeconds;
    }

    /// <summary>What <see cref="HybridTrainer"/> trains on: the training rows in memory.</summary>
    public TrainingSet Training { get; }

    /// <summary>The training rows in an ML.NET cache, for the ML.NET trainers.</summary>
    public IDataView TrainView { get; }

    public IDataView TestView { get; }

    /// <summary>The test rows in memory, scored for learning curves.</summary>
    public DenseDataset Test { get; }

    /// <summary>The training rows as one matrix, for the single-threaded plain loop.</summary>
    public DenseDataset TrainDense { get; }

    public double LoadSeconds { get; }

    public static BenchData Load(string? directory)
    {
        long start = Stopwatch.GetTimestamp();
        var ml = new MLContext(seed: 1);
        var split = FashionMnist.Load(ml, DatasetLocator.ResolveFashionMnistDirectory(directory));
        var train = ml.Data.Cache(split.Train);

        // Reading the cache in order both fills it and gives the plain loop its copy — the same matrix the pipeline
        // reads its epochs from, as the host's DatasetCatalog sets it up.
        var trainDense = DenseDataset.FromDataView(train);
        var testView = ml.Data.Cache(split.Test);
        var test = DenseDataset.FromDataView(testView);
        return new BenchData(train, trainDense, testView, test, split.ClassCount, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
