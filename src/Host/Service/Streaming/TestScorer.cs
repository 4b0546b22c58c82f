using HybridSgd.Datasets.Tabular;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Evaluation;

namespace HybridSgd.Host.Service.Streaming;

/// <summary>The held-out <c>Service:TestFile</c>, read once into memory with the stream's spec and scored by ML.NET's evaluator.</summary>
internal sealed class TestScorer(DenseDataset rows)
{
    public int Count => rows.Count;

    public static TestScorer Load(StreamModel model, TabularSpec spec, string path) =>
        new(DenseDataset.FromDataView(TabularDataset.LoadForScoring(model.Ml, spec, path, requireLabel: true)));

    public TaskMetrics Score(StreamModel model) =>
        MlNetMetrics.Evaluate(model.Ml, model.Model, model.Weights, rows, model.ClassCount);
}
