using System.Globalization;
using System.Text;
using HybridSgd.Host.Options;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Host.Scoring;

/// <summary>
/// The <c>predict</c> verb: one prediction per input row, in input order, as CSV — the predicted label (as it was
/// written in the training data) and each class's probability, or the predicted value for regression. The file
/// appears complete or not at all (written to a temporary sibling, then renamed).
/// </summary>
internal sealed partial class PredictJob(IOptions<ScoringOptions> scoring, ILogger<PredictJob> logger) : Jobs.IJob
{
    public Task RunAsync(CancellationToken stop)
    {
        var options = scoring.Value;
        string modelPath = ScoringOptions.Require(options.Model, nameof(ScoringOptions.Model), "--model");
        string dataPath = ScoringOptions.Require(options.Data, nameof(ScoringOptions.Data), "--data");
        string output = ScoringOptions.Require(options.Output, nameof(ScoringOptions.Output), "--out");
        var model = SavedModel.Load(modelPath);
        var rows = ScoringData.Load(new MLContext(seed: 0), model, dataPath, requireLabel: false);
        long written = 0;
        AtomicFile.Write(output, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            writer.WriteLine(Header(model));
            foreach (var features in rows.GetColumn<float[]>(DataColumns.Features))
            {
                stop.ThrowIfCancellationRequested();
                writer.WriteLine(Line(model.Predict(features)));
                written++;
            }
        });
        LogWritten(logger, written, Path.GetFullPath(output));
        return Task.CompletedTask;
    }

    private static string Header(SavedModel model) => model.Task == LearningTask.Regression
        ? "Score"
        : string.Join(',', new[] { "PredictedLabel" }.Concat(ClassNames(model).Select(c => Csv($"Probability({c})"))));

    private static IEnumerable<string> ClassNames(SavedModel model) =>
        Enumerable.Range(0, model.ClassCount).Select(i => i < model.Header.ClassNames.Count ? model.Header.ClassNames[i] : i.ToString(CultureInfo.InvariantCulture));

    private static string Line(ModelPrediction prediction) => prediction.Value is { } value
        ? value.ToString("R", CultureInfo.InvariantCulture)
        : string.Join(',', new[] { Csv(prediction.Label!) }.Concat(prediction.Probabilities.Select(p => p.ToString("R", CultureInfo.InvariantCulture))));

    /// <summary>A CSV field: quoted (quotes doubled) when it holds a separator, a quote or a line break.</summary>
    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Rows} predictions to {Path}")]
    private static partial void LogWritten(ILogger logger, long rows, string path);
}
