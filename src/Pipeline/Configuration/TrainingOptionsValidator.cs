using Microsoft.Extensions.Options;

namespace HybridSgd.Pipeline.Configuration;

/// <summary>Rules across fields of <see cref="TrainingOptions"/>, each failure naming its configuration key.</summary>
public sealed class TrainingOptionsValidator : IValidateOptions<TrainingOptions>
{
    public ValidateOptionsResult Validate(string? name, TrainingOptions options)
    {
        var failures = new List<string>();
        const string prefix = TrainingOptions.SectionName + ":";
        if (options.Epochs is null && options.Budget is null)
        {
            failures.Add($"{prefix}Epochs or {prefix}Budget must be set: training needs a stopping point.");
        }

        var policy = options.Policy;
        if (options.Mode == TrainingMode.Hybrid)
        {
            if (policy.Kind is ThresholdPolicyKind.Linear or ThresholdPolicyKind.Exponential
                && !(policy.RampStart < policy.RampEnd))
            {
                failures.Add($"{prefix}Policy:RampStart ({policy.RampStart}) must be below {prefix}Policy:RampEnd ({policy.RampEnd}).");
            }

            if (policy.Kind == ThresholdPolicyKind.Constant && policy.Constant > options.Workers)
            {
                failures.Add($"{prefix}Policy:Constant ({policy.Constant}) cannot exceed {prefix}Workers ({options.Workers}).");
            }
        }

        if (options.Budget is { } budget && budget.Value <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}Budget must be positive.");
        }

        if (options.EvaluationInterval.Value <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}EvaluationInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
