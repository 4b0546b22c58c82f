using System.Text.Json;
using HybridSgd.Host.Reports;

namespace HybridSgd.Tests.Host;

public sealed class ReportFileTests
{
    private sealed record Metrics(double Accuracy, double LogLoss, double Auc);

    [Fact]
    public void Json_WritesAMetricThatIsNotFiniteAsANamedLiteral_AndReadsItBack()
    {
        // ML.NET SDCA on standardized breast-cancer rows gave a test row probability 0: its log-loss is infinite.
        // That is a measurement to report, not a reason to fail the compare run after every method has trained.
        var metrics = new Metrics(0.9573, double.PositiveInfinity, double.NaN);

        string json = JsonSerializer.Serialize(metrics, ReportFile.Json);
        var read = JsonSerializer.Deserialize<Metrics>(json, ReportFile.Json)!;

        Assert.Contains("\"logLoss\": \"Infinity\"", json, StringComparison.Ordinal);
        Assert.Equal(double.PositiveInfinity, read.LogLoss);
        Assert.True(double.IsNaN(read.Auc));
    }
}
