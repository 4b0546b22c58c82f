using HybridSgd.Pipeline.Policies;
using Microsoft.Extensions.Options;

namespace HybridSgd.Pipeline.Configuration;

/// <summary>Rules across fields of <see cref="TrainingOptions"/>, each failure naming its configuration key.</summary>
public sealed class TrainingOptionsValidator : IValidateOptions<TrainingOptions>
{
    public ValidateOptionsResult Validate(string? name, TrainingOptions options)
    {
        var failures = new List<string>();
        const string prefix = TrainingOptions.SectionName + ":";
        if (options.Stop == StopRule.Budget && options.Budget is null)
        {
            failures.Add($"{prefix}Stop is Budget but {prefix}Budget is not set.");
        }

        if (options.Stop == StopRule.Epochs && options.Epochs is null)
        {
            failures.Add($"{prefix}Stop is Epochs but {prefix}Epochs is not set.");
        }

        bool horizon = options.Budget is not null || options.Epochs is not null;
        var policy = options.Policy;
        if (!horizon && ThresholdPolicyFactory.NeedsHorizon(options.Mode, policy))
        {
            failures.Add($"{prefix}Policy:Kind {policy.Kind} is a function of progress through {prefix}Budget or {prefix}Epochs, and neither is set: set one, or use the Adaptive policy, which needs none.");
        }

        if (!horizon && options.LearningRateDecay != LearningRateDecay.None)
        {
            failures.Add($"{prefix}LearningRateDecay {options.LearningRateDecay} falls over {prefix}Budget or {prefix}Epochs, and neither is set: set one, or leave the decay to the converged stop (it halves the learning rate on plateaus).");
        }

        if (options.Mode == TrainingMode.Hybrid)
        {
            if (policy.Kind is ThresholdPolicyKind.Linear or ThresholdPolicyKind.Exponential
                && !(policy.RampStart < policy.RampEnd))
            {
                failures.Add($"{prefix}Policy:RampStart ({policy.RampStart}) must be below {prefix}Policy:RampEnd ({policy.RampEnd}).");
            }

            if (policy.Kind == ThresholdPolicyKind.Adaptive && !(policy.SettleStart < policy.SettleEnd))
            {
                failures.Add($"{prefix}Policy:SettleStart ({policy.SettleStart}) must be below {prefix}Policy:SettleEnd ({policy.SettleEnd}).");
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
