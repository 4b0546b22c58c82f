namespace HybridSgd.Pipeline.Configuration;

/// <summary>How the learning rate falls over training progress p ∈ [0, 1] (the same p the threshold policy reads).</summary>
public enum LearningRateDecay
{
    /// <summary>η throughout.</summary>
    None,

    /// <summary>η·(1 − (1 − f)·p): straight down to the final fraction f at p = 1.</summary>
    Linear,

    /// <summary>η·(f + (1 − f)·(1 + cos πp)/2): flat early, steep in the middle, flat again near f.</summary>
    Cosine,
}
