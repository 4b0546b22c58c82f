using HybridSgd.Host.Reports;

namespace HybridSgd.Host.Compare;

/// <summary>
/// The shape of compare.json: the settings, then per method its summary and every run's report.
/// <see cref="SdcaAccuracy"/> is SDCA's mean test score: accuracy, or R² for regression.
/// </summary>
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
        string Command,
        string Task = "multiclass")
    {
        public bool IsRegression => Task == "regression";

        /// <summary>What the summary and chart call the higher-is-better test figure.</summary>
        public string ScoreName => IsRegression ? "R²" : "accuracy";

        /// <summary>What they call the lower-is-better one.</summary>
        public string LossName => IsRegression ? "RMSE" : "log-loss";
    }

    public sealed record MethodRuns(MethodSummary Summary, IReadOnlyList<RunReport> Runs);
}
