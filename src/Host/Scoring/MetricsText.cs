using System.Globalization;
using HybridSgd.Pipeline.Evaluation;

namespace HybridSgd.Host.Scoring;

/// <summary>A task's metrics as one line for a person: only the figures the task has.</summary>
internal static class MetricsText
{
    public static string Describe(TaskMetrics metrics)
    {
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"rows {metrics.Count}") };
        Add(parts, "accuracy", metrics.Accuracy);
        Add(parts, "macro accuracy", metrics.MacroAccuracy);
        Add(parts, "log-loss", metrics.LogLoss);
        Add(parts, "AUC", metrics.Auc);
        Add(parts, "F1", metrics.F1);
        Add(parts, "RMSE", metrics.Rmse);
        Add(parts, "MAE", metrics.Mae);
        Add(parts, "R²", metrics.RSquared);
        return string.Join(", ", parts);
    }

    private static void Add(List<string> parts, string name, double? value)
    {
        if (value is { } v)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {v:G6}"));
        }
    }
}
