using System.Text.Json;
using HybridSgd.Pipeline.Persistence;

namespace HybridSgd.Host.Reports;

/// <summary>report.json: camelCase JSON, written atomically.</summary>
public static class ReportFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Write(string path, RunReport report) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, report, Json));
}
