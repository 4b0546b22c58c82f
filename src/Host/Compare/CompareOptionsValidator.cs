using Microsoft.Extensions.Options;

namespace HybridSgd.Host.Compare;

/// <summary>Checks the method list and targets, naming the key.</summary>
internal sealed class CompareOptionsValidator : IValidateOptions<CompareOptions>
{
    public static IReadOnlyList<string> KnownMethods { get; } = ["sync", "async", "hybrid", "adaptive", "sdca"];

    public ValidateOptionsResult Validate(string? name, CompareOptions options)
    {
        var failures = new List<string>();
        var methods = options.MethodList();
        if (methods.Count == 0)
        {
            failures.Add($"{CompareOptions.SectionName}:Methods is empty.");
        }

        foreach (string unknown in methods.Except(KnownMethods))
        {
            failures.Add($"{CompareOptions.SectionName}:Methods names '{unknown}', not one of: {string.Join(", ", KnownMethods)}.");
        }

        if (methods.Distinct().Count() != methods.Count)
        {
            failures.Add($"{CompareOptions.SectionName}:Methods names a method twice.");
        }

        if (options.TargetList().Any(t => !(t > 0 && t < 1)))
        {
            failures.Add($"{CompareOptions.SectionName}:Targets must be accuracies between 0 and 1.");
        }

        if (options.EvaluationInterval.Value <= TimeSpan.Zero)
        {
            failures.Add($"{CompareOptions.SectionName}:EvaluationInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
