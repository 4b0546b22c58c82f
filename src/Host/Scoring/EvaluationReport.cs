using HybridSgd.Pipeline.Evaluation;

namespace HybridSgd.Host.Scoring;

/// <summary>The shape of evaluation.json (camelCase; a task's metrics are its non-null ones, as in report.json's <c>test</c>).</summary>
/// <param name="SkippedRows">Rows left out: label missing or features not finite.</param>
public sealed record EvaluationReport(string Model, string Data, string Task, string ModelName, long SkippedRows, TaskMetrics Metrics, DateTimeOffset FinishedUtc);
