using System.Text.Json;
using System.Text.Json.Serialization;
using HybridSgd.Pipeline.Persistence;

namespace HybridSgd.Host.Reports;

/// <summary>report.json: camelCase JSON, written atomically.</summary>
public static class ReportFile
{
    /// <summary>
    /// camelCase, indented; null members left out, so a task's metrics are just its own (a regression report has
    /// no accuracy, a classifier's no RMSE). A metric that is not a finite number is written as "Infinity" or "NaN",
    /// not refused: a baseline that gives a test row probability 0 has an infinite log-loss (ML.NET SDCA on
    /// standardized breast-cancer features), and refusing it failed the whole compare run after training.
    /// </summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write(string path, RunReport report) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, report, Json));

    /// <summary>The report of <c>train --cluster</c>, in the same form.</summary>
    public static void Write(string path, Cluster.ClusterReport report) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, report, Json));
}
