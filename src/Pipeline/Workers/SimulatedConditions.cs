using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Pipeline.Workers;

/// <summary>
/// Turns a <see cref="WorkerCondition"/> into real waits. Compute slowdown is charged as (slowdown − 1) × the
/// measured compute time; because waits only come in whole milliseconds and a softmax minibatch takes well
/// under one, the owed time accumulates and is slept once it reaches a millisecond, and what was actually slept
/// is paid off — so the average slowdown is right even for sub-millisecond steps.
/// </summary>
internal sealed class SimulatedConditions(WorkerCondition condition, Func<TimeSpan, CancellationToken, Task> delay, TimeProvider time, Random random)
{
    private static readonly TimeSpan WaitResolution = TimeSpan.FromMilliseconds(1);
    private TimeSpan _owed;

    public Task PullAsync(CancellationToken cancellation) => NetworkDelayAsync(condition.PullDelay, cancellation);

    public Task PushAsync(CancellationToken cancellation) => NetworkDelayAsync(condition.PushDelay, cancellation);

    public async Task SlowDownAsync(TimeSpan computeTime, CancellationToken cancellation)
    {
        if (condition.Slowdown <= 1)
        {
            return;
        }

        _owed += computeTime * (condition.Slowdown - 1);
        if (_owed < WaitResolution)
        {
            return;
        }

        long start = time.GetTimestamp();
        await delay(TimeSpan.FromMilliseconds(Math.Floor(_owed.TotalMilliseconds)), cancellation).ConfigureAwait(false);
        _owed -= time.GetElapsedTime(start);
    }

    private Task NetworkDelayAsync(TimeSpan fixedPart, CancellationToken cancellation)
    {
        var wait = fixedPart + (condition.Jitter * random.NextDouble());
        return wait > TimeSpan.Zero ? delay(wait, cancellation) : Task.CompletedTask;
    }
}
