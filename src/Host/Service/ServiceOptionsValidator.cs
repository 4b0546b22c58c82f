using System.Globalization;
using HybridSgd.Pipeline.Configuration;
using Microsoft.Extensions.Options;

namespace HybridSgd.Host.Service;

/// <summary>Rules across fields of <see cref="ServiceOptions"/>, each failure naming its configuration key.</summary>
internal sealed class ServiceOptionsValidator : IValidateOptions<ServiceOptions>
{
    private const string Prefix = ServiceOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, ServiceOptions options)
    {
        var failures = new List<string>();
        if (options.ProgressBy == ProgressBy.Time && !(Duration.TryParse(options.RampLength, out var ramp) && ramp.Value > TimeSpan.Zero))
        {
            failures.Add($"{Prefix}RampLength '{options.RampLength}' must be a positive duration (e.g. 10m) when {Prefix}ProgressBy is time.");
        }

        if (options.ProgressBy == ProgressBy.Updates && !(long.TryParse(options.RampLength, NumberStyles.None, CultureInfo.InvariantCulture, out long updates) && updates > 0))
        {
            failures.Add($"{Prefix}RampLength '{options.RampLength}' must be a positive number of updates when {Prefix}ProgressBy is updates.");
        }

        Positive(failures, nameof(ServiceOptions.SettleTime), options.SettleTime, allowZero: true);
        Positive(failures, nameof(ServiceOptions.PollInterval), options.PollInterval);
        Positive(failures, nameof(ServiceOptions.CheckpointInterval), options.CheckpointInterval);
        Positive(failures, nameof(ServiceOptions.StatusInterval), options.StatusInterval);
        Positive(failures, nameof(ServiceOptions.TestInterval), options.TestInterval);
        Positive(failures, nameof(ServiceOptions.ShutdownTimeout), options.ShutdownTimeout);
        if (Same(options.Inbox, options.ModelDirectory))
        {
            failures.Add($"{Prefix}Inbox and {Prefix}ModelDirectory must be different directories.");
        }

        if (Same(options.Inbox, options.SpoolDirectory))
        {
            failures.Add($"{Prefix}Spool must not be {Prefix}Inbox.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, Duration value, bool allowZero = false)
    {
        if (value.Value < TimeSpan.Zero || (!allowZero && value.Value == TimeSpan.Zero))
        {
            failures.Add($"{Prefix}{key} must be {(allowZero ? "zero or more" : "positive")}.");
        }
    }

    private static bool Same(string a, string b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b)
        && string.Equals(Path.GetFullPath(a).TrimEnd('/'), Path.GetFullPath(b).TrimEnd('/'), StringComparison.Ordinal);
}
