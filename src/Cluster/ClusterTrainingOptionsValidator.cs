using Microsoft.Extensions.Options;

namespace HybridSgd.Cluster;

/// <summary>Rejects <see cref="ClusterTrainingOptions"/> that cannot work, naming the key.</summary>
internal sealed class ClusterTrainingOptionsValidator : IValidateOptions<ClusterTrainingOptions>
{
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, ClusterTrainingOptions options)
    {
        var failures = new List<string>();
        if (options.MembershipCheckInterval <= TimeSpan.Zero || options.MembershipCheckInterval > Longest)
        {
            failures.Add($"{ClusterTrainingOptions.SectionName}:{nameof(options.MembershipCheckInterval)} must be between 0 and 1 hour, not {options.MembershipCheckInterval}.");
        }

        if (options.DeregistrationTimeout <= TimeSpan.Zero || options.DeregistrationTimeout > Longest)
        {
            failures.Add($"{ClusterTrainingOptions.SectionName}:{nameof(options.DeregistrationTimeout)} must be between 0 and 1 hour, not {options.DeregistrationTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
