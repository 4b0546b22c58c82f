using System.Threading.Tasks.Sources;
using HybridSgd.Pipeline.Policies;

namespace HybridSgd.Pipeline.Aggregation;

/// <summary>
/// A worker's minibatch gradient on its way to the aggregator. Each worker owns one message and sends it again
/// for every minibatch, so the hot path allocates no message, task or continuation per gradient.
/// </summary>
/// <remarks>
/// <para>
/// Reuse is safe because a worker has at most one gradient in flight: it <see cref="Arm"/>s the message, sends
/// it, and awaits <see cref="Applied"/> before it touches the message or its gradient buffer again. The
/// aggregator reads the message only before it calls <see cref="MarkApplied"/>, which ends that wait. So the
/// worker's writes and the aggregator's reads strictly alternate, and the aggregator can read the buffer in
/// place, without copying.
/// </para>
/// <para>
/// Cancellation: when the run aborts, the worker's wait must end even though the aggregator may never apply the
/// gradient. <see cref="Cancel"/> (from the abort token) and <see cref="MarkApplied"/> can then race; a
/// compare-and-swap on the state picks one winner, so the wait completes exactly once. A cancelled worker never
/// arms its message again (its block is cancelled too), so a late <see cref="MarkApplied"/> finds the message
/// abandoned and does nothing. Applying the same gradient twice is still reported as the bug it is.
/// </para>
/// </remarks>
internal sealed class GradientMessage : IValueTaskSource<long>
{
    private const int Idle = 0;
    private const int InFlight = 1;
    private const int Consumed = 2;
    private const int Abandoned = 3;

    // RunContinuationsAsynchronously: releasing k workers must not run their next gradient on the aggregator's thread.
    private ManualResetValueTaskSourceCore<long> _applied = new() { RunContinuationsAsynchronously = true };
    private int _state = Idle;

    public GradientMessage(int workerId, float[] gradient)
    {
        WorkerId = workerId;
        Gradient = gradient;
    }

    public int WorkerId { get; }

    /// <summary>Per-worker running number: (WorkerId, Sequence) identifies a gradient uniquely.</summary>
    public long Sequence { get; private set; }

    /// <summary>
    /// The worker's buffer; it is rewritten for the next message only after this one is applied. With one step it
    /// holds the minibatch's mean gradient; with several it holds the displacement of the worker's local steps,
    /// start − end, in weight units (see <see cref="IsDisplacement"/>).
    /// </summary>
    public float[] Gradient { get; }

    public int ExampleCount { get; private set; }

    /// <summary>Minibatches behind the message: 1 for a gradient, more for local steps.</summary>
    public int Steps { get; private set; } = 1;

    /// <summary>
    /// True when the worker took local SGD steps and <see cref="Gradient"/> is their displacement: it is added to
    /// the weights as it is (averaged over the workers), not stepped along by the learning rate.
    /// </summary>
    public bool IsDisplacement { get; private set; }

    /// <summary>The worker's own time for this message: pull, compute and push (not the wait for a round).</summary>
    public double WorkSeconds { get; private set; }

    /// <summary>Gradient norms at two batch sizes for the noise scale, or <see cref="NoiseProbe.None"/>.</summary>
    public NoiseProbe Noise { get; private set; } = NoiseProbe.None;

    /// <summary>Version of the weights the gradient was computed on.</summary>
    public long WeightsVersion { get; private set; }

    public double Loss { get; private set; }

    /// <summary>Completes with the version of the update that consumed the gradient last armed.</summary>
    public ValueTask<long> Applied => new(this, _applied.Version);

    /// <summary>Describes the gradient now in <see cref="Gradient"/> and readies <see cref="Applied"/> for it.</summary>
    public void Arm(
        long sequence, int exampleCount, long weightsVersion, double loss, int steps = 1, double workSeconds = double.NaN, NoiseProbe? noise = null, bool displacement = false)
    {
        if (Volatile.Read(ref _state) == InFlight)
        {
            throw new InvalidOperationException($"Gradient {WorkerId}/{Sequence} is still in flight.");
        }

        Sequence = sequence;
        ExampleCount = exampleCount;
        WeightsVersion = weightsVersion;
        Loss = loss;
        Steps = steps;
        IsDisplacement = displacement;
        WorkSeconds = workSeconds;
        Noise = noise ?? NoiseProbe.None;
        _applied.Reset();
        Volatile.Write(ref _state, InFlight);
    }

    /// <summary>Called by the aggregator once the gradient is in a published update (or skipped as non-finite).</summary>
    public void MarkApplied(long version)
    {
        switch (Interlocked.CompareExchange(ref _state, Consumed, InFlight))
        {
            case InFlight:
                _applied.SetResult(version);
                break;
            case Abandoned:
                // The run aborted and the worker stopped waiting: there is nobody to release.
                break;
            default:
                throw new InvalidOperationException(
                    $"Gradient {WorkerId}/{Sequence} was consumed twice (second time by update {version}).");
        }
    }

    /// <summary>Ends a pending wait with an <see cref="OperationCanceledException"/>; does nothing if none is pending.</summary>
    public void Cancel(CancellationToken token)
    {
        if (Interlocked.CompareExchange(ref _state, Abandoned, InFlight) == InFlight)
        {
            _applied.SetException(new OperationCanceledException(token));
        }
    }

    long IValueTaskSource<long>.GetResult(short token) => _applied.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<long>.GetStatus(short token) => _applied.GetStatus(token);

    void IValueTaskSource<long>.OnCompleted(
        Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _applied.OnCompleted(continuation, state, token, flags);
}
