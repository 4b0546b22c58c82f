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
        return Prepare(
            ml, FashionMnist.Name, split.Train, split.Test, options, split.FeatureCount, split.ClassCount, LearningTask.Multiclass, seed,
            split.ClassNames, null, "Fashion-MNIST: 10 classes");
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
        return Prepare(
            ml, Path.GetFileName(options.Train), tabular.Train, tabular.Test, options, spec.FeatureCount, spec.ClassNames.Count, spec.Task, seed,
            spec.ClassNames, JsonSerializer.SerializeToElement(spec), spec.TaskReason);
    }

    /// <summary>
    /// One pass over each view into memory: epochs then read a plain matrix (a shuffled cursor over an ML.NET cache
    /// costs half a softmax gradient per minibatch), and only one copy of the rows is held (Fashion-MNIST: 190 MB).
    /// Reading happens before any clock starts, so a time budget measures training, not parsing or decompression.
    /// </summary>
    private static LoadedData Prepare(
        MLContext ml, string name, IDataView train, IDataView test, DataOptions options, int featureCount, int classCount, LearningTask task,
        int seed, IReadOnlyList<string> classNames, JsonElement? spec, string taskReason)
    {
        var trainView = options.TrainRows is { } trainRows ? ml.Data.TakeRows(train, trainRows) : train;
        var testView = options.TestRows is { } testRows ? ml.Data.TakeRows(test, testRows) : test;

        // The validation slice comes out of the rows SGD trains on (SDCA, a baseline, still trains on all of them).
        // Split while reading: the training rows are held once (reading, then splitting, held them twice at the peak).
        var (training, validation) = DenseDataset.FromDataViewSplit(trainView, options.ValidationFraction, seed);
        return new LoadedData(
            ml, name, task, featureCount, task == LearningTask.Regression ? 0 : classCount, training, validation,
            DenseDataset.FromDataView(testView), trainView, testView, classNames, spec, taskReason);
    }
}
