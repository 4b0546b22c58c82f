namespace HybridSgd.Pipeline.Configuration;

/// <summary>The shapes of k(t) available to <see cref="TrainingMode.Hybrid"/>.</summary>
public enum ThresholdPolicyKind
{
    Linear,
    Exponential,
    Step,
    Constant,
}
