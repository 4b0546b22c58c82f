namespace HybridSgd.Pipeline.Workers;

/// <summary>
/// Millisecond-accurate waits for simulated delays. Task.Delay rides the runtime's timer queue, which fires in
/// ~4 ms steps on this kind of machine (measured: Task.Delay(1 ms) took 4.0 ms on average), far coarser than the
/// sub-millisecond compute steps a 4× straggler has to stretch. One dedicated thread sleeps with the OS's
/// high-resolution sleep (Monitor.Wait of 1 ms ≈ 1.1 ms) and completes the waits that fall due. Due times are
/// read from the run's clock; the sleeping is real, so this serves the system clock (a test's fake clock uses its
/// own timers instead).
/// </summary>
internal sealed class DelayScheduler : IDisposable
{
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly PriorityQueue<TaskCompletionSource, long> _due = new();
    private readonly Thread _thread;
    private bool _disposed;

    public DelayScheduler(TimeProvider time)
    {
        _time = time;
        _thread = new Thread(Run) { IsBackground = true, Name = "HybridSgd simulated delays" };
        _thread.Start();
    }

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellation)
    {
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long due = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _due.Enqueue(done, due);
            Monitor.Pulse(_gate);
        }

        if (!cancellation.CanBeCanceled)
        {
            return done.Task;
        }

        var registration = cancellation.Register(() => done.TrySetCanceled(cancellation));
        return done.Task.ContinueWith(
            finished =>
            {
                registration.Dispose();
                return finished;
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default).Unwrap();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Monitor.Pulse(_gate);
        }

        _thread.Join();

        // Nobody is left to fire the remaining waits: end them now rather than leave awaiters hanging.
        while (_due.TryDequeue(out var pending, out _))
        {
            pending.TrySetCanceled();
        }
    }

    private void Run()
    {
        var ready = new List<TaskCompletionSource>();
        while (true)
        {
            lock (_gate)
            {
                while (!_disposed && !TakeDue(ready))
                {
                    if (_due.TryPeek(out _, out long next))
                    {
                        double milliseconds = (next - _time.GetTimestamp()) * 1000.0 / _time.TimestampFrequency;
                        Monitor.Wait(_gate, Math.Max(1, (int)milliseconds));
                    }
                    else
                    {
                        Monitor.Wait(_gate);
                    }
                }

                if (_disposed)
                {
                    return;
                }
            }

            // Completed outside the lock; continuations run on the thread pool (RunContinuationsAsynchronously).
            foreach (var done in ready)
            {
                done.TrySetResult();
            }

            ready.Clear();
        }
    }

    private bool TakeDue(List<TaskCompletionSource> ready)
    {
        long now = _time.GetTimestamp();
        while (_due.TryPeek(out var done, out long due) && due <= now)
        {
            _due.Dequeue();
            ready.Add(done);
        }

        return ready.Count > 0;
    }
}
