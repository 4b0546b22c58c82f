using System.Text.Json;
using HybridSgd.Datasets;
using HybridSgd.Datasets.Tabular;
using HybridSgd.Host.Options;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Training;
using Microsoft.ML;

namespace HybridSgd.Host.Data;

/// <summary>Turns the <c>Data</c> settings into a train/test split the trainer can stream.</summary>
internal static class DatasetCatalog
{
    public static IReadOnlyList<string> Names { get; } = [FashionMnist.Name];

    public static LoadedData Load(MLContext ml, DataOptions options, int seed)
    {
        if (options.HasOwnFiles && !System.IO.Directory.Exists(options.Train))
        {
            return LoadTabular(ml, options, seed);
        }

        if (!options.HasOwnFiles && options.Dataset != FashionMnist.Name)
        {
            throw new ArgumentException($"{DataOptions.SectionName}:Dataset '{options.Dataset}' is not a known dataset.");
        }

        string directory = options.HasOwnFiles ? options.Train : options.Directory;
        var split = FashionMnist.Load(ml, DatasetLocator.ResolveFashionMnistDirectory(directory));
        var data = Prepare(ml, FashionMnist.Name, split.Train, split.Test, options, split.FeatureCount, split.ClassCount, LearningTask.Multiclass, seed);
        return new LoadedData(data, split.ClassNames, null, "Fashion-MNIST: 10 classes");
    }

    private static LoadedData LoadTabular(MLContext ml, DataOptions options, int seed)
    {
        var tabular = TabularDataset.Load(
            ml,
            options.Train,
            string.IsNullOrWhiteSpace(options.Test) ? null : options.Test,
            TabularSettings.From(options),
            options.HoldoutFraction,
            seed);
        var spec = tabular.Spec;
        var data = Prepare(
            ml, Path.GetFileName(options.Train), tabular.Train, tabular.Test, options, spec.FeatureCount, spec.ClassNames.Count, spec.Task, seed);
        return new LoadedData(data, spec.ClassNames, JsonSerializer.SerializeToElement(spec), spec.TaskReason);
    }

    private static TrainingData Prepare(
        MLContext ml, string name, IDataView train, IDataView test, DataOptions options, int featureCount, int classCount, LearningTask task, int seed)
    {
        var rows = options.TrainRows is { } trainRows ? ml.Data.TakeRows(train, trainRows) : train;

        // Only a cached view can hand out a fully shuffled cursor, and re-parsing text or gzip every epoch would
        // starve the workers. Fashion-MNIST's 60k × 784 floats are about 190 MB.
        var cached = ml.Data.Cache(rows);
        var testView = options.TestRows is { } testRows ? ml.Data.TakeRows(test, testRows) : test;
        var testSet = DenseDataset.FromDataView(testView);

        // The same rows once more as a plain matrix (Fashion-MNIST: another 190 MB): epochs read it directly, as
        // a shuffled cursor over the cache costs half a softmax gradient per minibatch. The cache stays for
        // ML.NET consumers (the SDCA baseline). Reading it fills the cache too, before any clock starts, so a
        // time budget measures training, not parsing or decompression.
        var inMemory = DenseDataset.FromDataView(cached);

        // The validation slice comes out of the rows SGD trains on (SDCA, a baseline, still trains on all of them).
        var (training, validation) = inMemory.Split(options.ValidationFraction, seed);
        return new TrainingData(
            ml, name, cached, testSet, featureCount, task == LearningTask.Regression ? 0 : classCount, testView, task, training, validation);
    }
}
