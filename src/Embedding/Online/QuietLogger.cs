using Microsoft.Extensions.Logging;

namespace HybridSgd.Embedding.Online;

/// <summary>
/// The logger the trainer's run writes through. A command-line run logs its start, its threshold changes and its
/// end for a person watching; inside an app they are detail (k may change many times over the app's life), so they
/// are Debug here (warnings and errors keep their level). Set the HybridSgd.Embedding category to Debug to see them.
/// </summary>
internal sealed class QuietLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(Quieter(logLevel));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(Quieter(logLevel), eventId, state, exception, formatter);

    private static LogLevel Quieter(LogLevel level) => level == LogLevel.Information ? LogLevel.Debug : level;
}
