using HybridSgd.Host.Options;
using HybridSgd.Host.Reports;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace HybridSgd.Host.Scoring;

/// <summary>
/// The <c>evaluate</c> verb: a saved model on a labelled file, scored by ML.NET's evaluator for the model's task;
/// prints the metrics and writes them as JSON (evaluation.json beside the model unless <c>--out</c> says where).
/// </summary>
internal sealed partial class EvaluateJob(IOptions<ScoringOptions> scoring, ILogger<EvaluateJob> logger, TimeProvider time) : Jobs.IJob
{
    public Task RunAsync(CancellationToken stop)
    {
        var options = scoring.Value;
        string modelPath = ScoringOptions.Require(options.Model, nameof(ScoringOptions.Model), "--model");
        string dataPath = ScoringOptions.Require(options.Data, nameof(ScoringOptions.Data), "--data");
        var model = SavedModel.Load(modelPath);
        var ml = new MLContext(seed: 0);
        var rows = DenseDataset.FromDataView(ScoringData.Load(ml, model, dataPath, requireLabel: true));
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"'{dataPath}' has no row with a usable label to evaluate on.");
        }

        var metrics = MlNetMetrics.Evaluate(ml, model.Model, model.Weights, rows, model.ClassCount);
        var evaluation = new EvaluationReport(
            Path.GetFullPath(modelPath), Path.GetFullPath(dataPath), RunReport.TaskName(model.Task), model.Model.Name, rows.SkippedRows, metrics, time.GetUtcNow());
        string output = string.IsNullOrWhiteSpace(options.Output)
            ? Path.Combine(Directory.Exists(modelPath) ? modelPath : Path.GetDirectoryName(Path.GetFullPath(modelPath))!, "evaluation.json")
            : options.Output;
        AtomicFile.Write(output, stream => System.Text.Json.JsonSerializer.Serialize(stream, evaluation, ReportFile.Json));
        Console.Out.WriteLine(MetricsText.Describe(metrics));
        LogWritten(logger, rows.Count, rows.SkippedRows, Path.GetFullPath(output));
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluated {Rows} rows ({Skipped} skipped: label missing or features not finite); wrote {Path}")]
    private static partial void LogWritten(ILogger logger, int rows, long skipped, string path);
}
