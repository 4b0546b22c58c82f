namespace HybridSgd.Pipeline.Policies;

/// <summary>
/// k(t): how many gradients make one update. k = 1 is asynchronous SGD, k = workers is synchronous SGD. A policy
/// observes what the aggregator measured about each update and answers the k it wants for the next ones; the
/// aggregator caps the answer at the number of live workers and retunes its batching when it changes.
/// </summary>
/// <remarks>
/// The aggregator calls <see cref="Decide"/> under its lock, once before the first update and then after every
/// update, always from one thread at a time: a policy may keep state without locks, but must be quick.
/// </remarks>
public interface IThresholdPolicy
{
    /// <summary>Name for logs and reports, with its parameters (e.g. "linear(0-0.5)").</summary>
    string Describe();

    /// <summary>The threshold wanted after the update <paramref name="signals"/> describes (or before any update).</summary>
    ThresholdDecision Decide(in UpdateSignals signals);
}
