using HybridSgd.Datasets.Tabular;
using HybridSgd.Pipeline.Data;
using HybridSgd.Embedding.Online;
using HybridSgd.Pipeline.Evaluation;
using Microsoft.ML;

namespace HybridSgd.Host.Service.Streaming;

/// <summary>The held-out <c>Service:TestFile</c>, read once into memory with the stream's spec and scored by ML.NET's evaluator.</summary>
internal sealed class TestScorer(DenseDataset rows)
{
    public int Count => rows.Count;

    public static TestScorer Load(MLContext ml, TabularSpec spec, string path) =>
        new(DenseDataset.FromDataView(TabularDataset.LoadForScoring(ml, spec, path, requireLabel: true)));

    public TaskMetrics Score(MLContext ml, SegmentedModel model) =>
        MlNetMetrics.Evaluate(ml, model.Model, model.Weights, rows, model.ClassCount);
}
