using HybridSgd.Pipeline.Workers;
using Microsoft.Extensions.Time.Testing;

namespace HybridSgd.Tests.Pipeline;

/// <summary>The scheduler reads due times from the clock it is given: a fake one makes every wait a matter of counts.</summary>
public sealed class DelaySchedulerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Delays_EndWhenTheirTimeHasCome_AndInOrder()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new DelayScheduler(time);

        var late = scheduler.DelayAsync(TimeSpan.FromMilliseconds(30), CancellationToken.None);
        var early = scheduler.DelayAsync(TimeSpan.FromMilliseconds(10), CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(10));
        await early.WaitAsync(Patience);

        // 10 ms have passed on the scheduler's clock, and only 10: the 30 ms wait cannot have ended.
        Assert.False(late.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(20));
        await late.WaitAsync(Patience);
    }

    [Fact]
    public async Task Cancellation_EndsTheWaitAsCancelled()
    {
        using var scheduler = new DelayScheduler(new FakeTimeProvider());
        using var cancel = new CancellationTokenSource();
        var wait = scheduler.DelayAsync(TimeSpan.FromMinutes(5), cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Patience));
    }

    [Fact]
    public async Task Dispose_CancelsWaitsThatNeverFell_Due()
    {
        var scheduler = new DelayScheduler(new FakeTimeProvider());
        var wait = scheduler.DelayAsync(TimeSpan.FromMinutes(5), CancellationToken.None);

        scheduler.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Patience));
    }
}
