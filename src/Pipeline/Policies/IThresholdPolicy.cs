namespace HybridSgd.Pipeline.Policies;

/// <summary>
/// k(t): how many gradients make one update, as a function of training progress. k = 1 is asynchronous SGD,
/// k = workers is synchronous SGD. Policies are pure functions, so they are trivially thread-safe and testable.
/// </summary>
public interface IThresholdPolicy
{
    /// <summary>Name for logs and reports, with its parameters (e.g. "linear(0-0.5)").</summary>
    string Describe();

    /// <summary>The threshold in [1, <paramref name="workerCount"/>] at <paramref name="progress"/> ∈ [0, 1].</summary>
    int ThresholdAt(double progress, int workerCount);
}
