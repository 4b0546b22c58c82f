using HybridSgd.Host.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HybridSgd.Tests.Host;

/// <summary>The console lines people read: time and message; warnings and errors say so; where a line comes from only when debugging.</summary>
public sealed class TextConsoleFormatterTests
{
    private const string Category = "HybridSgd.Host.Jobs.TrainJob";

    [Fact]
    public void Write_Information_IsTimeAndMessage()
    {
        Assert.Equal("12:04:31  Wrote runs/latest/report.json\n", Format(LogLevel.Information, "Wrote runs/latest/report.json"));
    }

    [Fact]
    public void Write_Warning_SaysWarning()
    {
        Assert.Equal("12:04:31  warning: Checkpoint is truncated; using the previous one\n", Format(LogLevel.Warning, "Checkpoint is truncated; using the previous one"));
    }

    [Theory]
    [InlineData(LogLevel.Error)]
    [InlineData(LogLevel.Critical)]
    public void Write_Error_IsOneLineWithoutTime(LogLevel level)
    {
        Assert.Equal("error: train.csv line 7, column 'price': 'abc' is not a number.\n", Format(level, "train.csv line 7, column 'price': 'abc' is not a number."));
    }

    [Fact]
    public void Write_WithException_AddsTheExceptionAfterTheLine()
    {
        InvalidOperationException exception;
        try
        {
            throw new InvalidOperationException("the aggregator faulted");
        }
        catch (InvalidOperationException thrown)
        {
            exception = thrown;
        }

        string[] lines = Format(LogLevel.Critical, "Training failed", exception: exception).Split('\n');

        Assert.Equal("error: Training failed", lines[0]);
        Assert.Equal("System.InvalidOperationException: the aggregator faulted", lines[1]);
        Assert.StartsWith("   at ", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LogLevel.Debug)]
    [InlineData(LogLevel.Trace)]
    public void Write_WhenSomeLevelIsDebugOrTrace_NamesCategoryAndEventId(LogLevel configured)
    {
        var levels = new LoggerFilterOptions { MinLevel = LogLevel.Information };
        levels.Rules.Add(new LoggerFilterRule(null, "HybridSgd.Service.Segments", configured, null));

        Assert.Equal($"12:04:31  {Category}[42] Data loaded\n", Format(LogLevel.Information, "Data loaded", levels));
        Assert.Equal($"12:04:31  debug: {Category}[42] Segment done\n", Format(LogLevel.Debug, "Segment done", levels));
    }

    [Fact]
    public void Write_TimestampOptions_AreHonoured()
    {
        var options = new ConsoleFormatterOptions { TimestampFormat = "yyyy-MM-ddTHH:mm:ss", UseUtcTimestamp = true };
        Assert.Equal("2025-03-01T12:04:31  Data loaded\n", Format(LogLevel.Information, "Data loaded", options: options));
    }

    private static string Format(
        LogLevel level, string message, LoggerFilterOptions? levels = null, Exception? exception = null, ConsoleFormatterOptions? options = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 4, 31, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var formatter = new TextConsoleFormatter(
            new FixedOptions<ConsoleFormatterOptions>(options ?? new ConsoleFormatterOptions()),
            new FixedOptions<LoggerFilterOptions>(levels ?? new LoggerFilterOptions { MinLevel = LogLevel.Information }),
            time);
        var entry = new LogEntry<string>(level, Category, new EventId(42), message, exception, (state, _) => state);
        var text = new StringWriter { NewLine = "\n" };
        formatter.Write(entry, null, text);
        return text.ToString();
    }

    private sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
