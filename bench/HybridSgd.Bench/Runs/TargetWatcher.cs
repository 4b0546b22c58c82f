using Microsoft.Extensions.Logging;

namespace HybridSgd.Bench.Runs;

/// <summary>
/// A logger that ends a run once it has reached a test accuracy, so time-to-accuracy runs stop early instead of
/// spending their whole budget. It reads the "Accuracy" field of the trainer's structured progress line (the
/// curve point just taken); the trainer exposes no other live hook, and the stop it requests is the same graceful
/// stop as Ctrl+C.
/// </summary>
internal sealed class TargetWatcher(double target, CancellationTokenSource stop) : ILogger
{
    private const string AccuracyField = "Accuracy";

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> fields)
        {
            return;
        }

        foreach (var field in fields)
        {
            if (field is { Key: AccuracyField, Value: double accuracy } && accuracy >= target)
            {
                stop.Cancel();
            }
        }
    }
}
