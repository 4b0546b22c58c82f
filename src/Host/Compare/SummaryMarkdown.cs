using System.Globalization;
using System.Text;

namespace HybridSgd.Host.Compare;

/// <summary>summary.md: the table a person reads first.</summary>
internal static class SummaryMarkdown
{
    public static string Render(CompareReport report)
    {
        var s = report.Settings;
        var text = new StringBuilder();
        string limit = s.BudgetSeconds is { } budget ? F($"{budget:0.#} s budget") : F($"{s.Epochs} epochs");
        text.AppendLine(F($"# {s.Model} on {s.Dataset}: scenario {s.Scenario}, {s.Workers} workers, {limit}, {s.Seeds.Count} seeds"));
        text.AppendLine();
        text.AppendLine(F($"Batch {s.BatchSize} per worker, learning rate {s.LearningRate}, hybrid policy {s.Policy}. Command: `{s.Command}`"));
        text.AppendLine();
        string sdca = report.SdcaAccuracy is { } a ? F($" ({a:0.0000})") : "";
        text.AppendLine($"| method | runs | test {s.ScoreName} (mean ± sd) | test {s.LossName} (mean ± sd) | time to SDCA's {s.ScoreName}{sdca} | updates/s | mean staleness | train s |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var method in report.Methods.Select(m => m.Summary))
        {
            text.AppendLine(F($"| {method.Method} | {method.Runs} | {method.Accuracy.Mean:0.0000} ± {method.Accuracy.StandardDeviation:0.0000} | {method.LogLoss.Mean:0.0000} ± {method.LogLoss.StandardDeviation:0.0000} | {Time(method.TimeToSdca, method.Runs)} | {method.UpdatesPerSecond:0} | {method.MeanStaleness:0.00} | {method.TrainSeconds:0.0} |"));
        }

        var targets = report.Methods.FirstOrDefault()?.Summary.TimeToTargets ?? [];
        if (targets.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"Seconds to first reach a test {s.ScoreName} (mean over the runs that reached it; each time interpolated between the two samples around the crossing):");
            text.AppendLine();
            text.AppendLine("| method | " + string.Join(" | ", targets.Select(t => F($"{t.Target:0.00}"))) + " |");
            text.AppendLine("|---|" + string.Concat(targets.Select(_ => "---|")));
            foreach (var method in report.Methods.Select(m => m.Summary))
            {
                text.AppendLine($"| {method.Method} | " + string.Join(" | ", method.TimeToTargets.Select(t => Time(t, method.Runs))) + " |");
            }
        }

        return text.ToString();
    }

    private static string Time(TimeToTarget? reach, int runs) => reach switch
    {
        null => "–",
        { MeanSeconds: null } => F($"never (0/{runs})"),
        { MeanSeconds: { } seconds, Reached: var reached } when reached == runs => F($"{seconds:0.0}"),
        { MeanSeconds: { } seconds, Reached: var reached } => F($"{seconds:0.0} ({reached}/{runs})"),
    };

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
