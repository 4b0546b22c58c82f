using System.Text.Json;
using HybridSgd.Datasets;
using HybridSgd.Datasets.Tabular;
using HybridSgd.Pipeline.Persistence;
using Microsoft.ML;

namespace HybridSgd.Host.Scoring;

/// <summary>
/// Reads a file to score the way the model's training data was read: the tabular spec stored in the model file
/// (columns by name, label mapping, the fitted normalisation and encodings), or Fashion-MNIST's test split for a
/// model trained on it.
/// </summary>
internal static class ScoringData
{
    public static IDataView Load(MLContext ml, SavedModel model, string path, bool requireLabel)
    {
        if (model.Header.Data is not { } data)
        {
            // Built-in dataset models carry no spec: their data is the IDX directory's test split, as in training.
            return FashionMnist.Load(ml, DatasetLocator.ResolveFashionMnistDirectory(path)).Test;
        }

        var spec = data.Deserialize<TabularSpec>()
            ?? throw new InvalidDataException("The model file's data description is empty.");
        return TabularDataset.LoadForScoring(ml, spec, path, requireLabel);
    }
}
