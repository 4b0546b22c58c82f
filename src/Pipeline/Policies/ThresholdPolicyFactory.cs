using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Pipeline.Policies;

/// <summary>Maps the configured mode and policy options onto an <see cref="IThresholdPolicy"/>.</summary>
public static class ThresholdPolicyFactory
{
    public static IThresholdPolicy Create(TrainingMode mode, ThresholdPolicyOptions options) => mode switch
    {
        TrainingMode.Async => new AsynchronousPolicy(),
        TrainingMode.Sync => new SynchronousPolicy(),
        TrainingMode.Hybrid => options.Kind switch
        {
            ThresholdPolicyKind.Adaptive => new AdaptiveThresholdPolicy(options.Adaptive()),
            ThresholdPolicyKind.Linear => new LinearRampPolicy(options.RampStart, options.RampEnd),
            ThresholdPolicyKind.Exponential => new ExponentialRampPolicy(options.RampStart, options.RampEnd),
            ThresholdPolicyKind.Step => new StepPolicy(options.StepAt),
            ThresholdPolicyKind.Constant => new ConstantPolicy(options.Constant),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "unknown policy"),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown mode"),
    };

    /// <summary>True when the configured k(t) is a function of progress, which only a budget or epochs define.</summary>
    public static bool NeedsHorizon(TrainingMode mode, ThresholdPolicyOptions options) =>
        Create(mode, options) is ProgressPolicy { NeedsHorizon: true };
}
