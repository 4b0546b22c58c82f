using HybridSgd.Host.Reports;

namespace HybridSgd.Host.Compare;

/// <summary>The shape of compare.json: the settings, then per method its summary and every run's report.</summary>
public sealed record CompareReport(CompareReport.RunSettings Settings, double? SdcaAccuracy, IReadOnlyList<CompareReport.MethodRuns> Methods)
{
    public sealed record RunSettings(
        string Dataset,
        string Model,
        string Scenario,
        int Workers,
        int BatchSize,
        float LearningRate,
        string Policy,
        double? BudgetSeconds,
        int? Epochs,
        IReadOnlyList<int> Seeds,
        IReadOnlyList<string> Methods,
        string Command);

    public sealed record MethodRuns(MethodSummary Summary, IReadOnlyList<RunReport> Runs);
}
