using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace HybridSgd.Host.Logging;

/// <summary>
/// Console lines for people: <c>12:04:31  message</c>, <c>12:04:31  warning: message</c>, and <c>error: message</c>
/// (the message names the file, line or key). The category and event id, which say where a line comes from, are
/// added only when some log level is Debug or Trace: someone is then looking for exactly that.
/// </summary>
internal sealed class TextConsoleFormatter(
    IOptionsMonitor<ConsoleFormatterOptions> options,
    IOptionsMonitor<LoggerFilterOptions> levels,
    TimeProvider time) : ConsoleFormatter(FormatterName)
{
    /// <summary>The value of <c>Logging:Console:FormatterName</c> (<c>--log-format</c>) that selects it.</summary>
    public const string FormatterName = "text";

    /// <summary>Every console format: this one, then the built-in ones.</summary>
    public static IReadOnlyList<string> Names { get; } = [FormatterName, ConsoleFormatterNames.Json, ConsoleFormatterNames.Simple, ConsoleFormatterNames.Systemd];

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        string message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        if (logEntry.LogLevel < LogLevel.Error)
        {
            var settings = options.CurrentValue;
            var now = settings.UseUtcTimestamp ? time.GetUtcNow() : time.GetLocalNow();
            textWriter.Write(now.ToString(settings.TimestampFormat ?? "HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            textWriter.Write("  ");
        }

        textWriter.Write(logEntry.LogLevel switch
        {
            LogLevel.Trace => "trace: ",
            LogLevel.Debug => "debug: ",
            LogLevel.Warning => "warning: ",
            LogLevel.Error or LogLevel.Critical => "error: ",
            _ => "",
        });
        if (Verbose(levels.CurrentValue))
        {
            textWriter.Write($"{logEntry.Category}[{logEntry.EventId.Id}] ");
        }

        textWriter.WriteLine(message);
        if (logEntry.Exception is { } exception)
        {
            // Only unexpected failures carry an exception (input errors are logged by message): its stack is the report.
            textWriter.WriteLine(exception.ToString());
        }
    }

    private static bool Verbose(LoggerFilterOptions filter) =>
        filter.MinLevel <= LogLevel.Debug || filter.Rules.Any(rule => rule.LogLevel <= LogLevel.Debug);
}
