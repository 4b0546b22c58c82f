using System.Diagnostics;
using HybridSgd.Pipeline.Workers;

namespace HybridSgd.Tests.Pipeline;

public sealed class DelaySchedulerTests
{
    [Fact]
    public async Task Delays_EndNoEarlierThanAsked_AndInOrder()
    {
        using var scheduler = new DelayScheduler();
        var order = new List<int>();
        var started = Stopwatch.StartNew();

        var late = scheduler.DelayAsync(TimeSpan.FromMilliseconds(30), CancellationToken.None).ContinueWith(_ => { lock (order) order.Add(30); }, TaskScheduler.Default);
        var early = scheduler.DelayAsync(TimeSpan.FromMilliseconds(10), CancellationToken.None).ContinueWith(_ => { lock (order) order.Add(10); }, TaskScheduler.Default);
        await Task.WhenAll(late, early).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([10, 30], order);
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(30));
    }

    [Fact]
    public async Task Cancellation_EndsTheWaitAsCancelled()
    {
        using var scheduler = new DelayScheduler();
        using var cancel = new CancellationTokenSource();
        var wait = scheduler.DelayAsync(TimeSpan.FromMinutes(5), cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Dispose_CancelsWaitsThatNeverFell_Due()
    {
        var scheduler = new DelayScheduler();
        var wait = scheduler.DelayAsync(TimeSpan.FromMinutes(5), CancellationToken.None);

        scheduler.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
