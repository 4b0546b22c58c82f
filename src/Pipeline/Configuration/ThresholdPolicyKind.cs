namespace HybridSgd.Pipeline.Configuration;

/// <summary>The shapes of k(t) available to <see cref="TrainingMode.Hybrid"/>.</summary>
public enum ThresholdPolicyKind
{
    /// <summary>k from the training signal (noise scale, loss plateaus, worker pace): no horizon needed. The default.</summary>
    Adaptive,

    /// <summary>k rises linearly from 1 to N between RampStart and RampEnd of the budget or epochs.</summary>
    Linear,

    /// <summary>k = N^along the ramp: stays near asynchronous longer, then climbs quickly.</summary>
    Exponential,

    /// <summary>Asynchronous until StepAt, synchronous afterwards.</summary>
    Step,

    /// <summary>k = Constant throughout.</summary>
    Constant,
}
