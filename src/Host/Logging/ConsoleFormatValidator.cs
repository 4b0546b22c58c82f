using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace HybridSgd.Host.Logging;

/// <summary>
/// Rejects a console format (<c>--log-format</c>, <c>Logging:Console:FormatterName</c>) that no formatter has: the
/// console logger would otherwise fall back to its default without a word.
/// </summary>
internal sealed class ConsoleFormatValidator(IEnumerable<ConsoleFormatter> formatters) : IValidateOptions<ConsoleLoggerOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleLoggerOptions options)
    {
        var known = formatters.Select(formatter => formatter.Name).ToList();
        return options.FormatterName is null || known.Contains(options.FormatterName, StringComparer.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Logging:Console:FormatterName '{options.FormatterName}' is not one of: {string.Join(", ", known)}.");
    }
}
