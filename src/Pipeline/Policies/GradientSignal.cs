namespace HybridSgd.Pipeline.Policies;

/// <summary>What the aggregator learnt from one worker message of an update.</summary>
/// <param name="Worker">The worker that sent it.</param>
/// <param name="Examples">Examples behind it (all of its local steps).</param>
/// <param name="Steps">Minibatches behind it: 1 for a plain gradient, more for local steps.</param>
/// <param name="Loss">Mean progressive loss of its minibatches (each scored before it was learned from).</param>
/// <param name="Staleness">Updates applied between the weights it started from and its own update.</param>
/// <param name="WorkSeconds">
/// The worker's own time for the message: pulling weights, computing and pushing, but not waiting for the rest of
/// a round. What a straggler is recognised by.
/// </param>
/// <param name="Noise">Squared gradient norms at two batch sizes on the same weights, or <see cref="NoiseProbe.None"/>.</param>
public readonly record struct GradientSignal(int Worker, int Examples, int Steps, double Loss, long Staleness, double WorkSeconds, NoiseProbe Noise);
