using Microsoft.Extensions.Options;

namespace HybridSgd.Host;

/// <summary>Turns option binding and validation failures into one readable line that names the key.</summary>
internal static class ConfigurationErrors
{
    public static string Describe(Exception exception) => exception switch
    {
        OptionsValidationException validation => string.Join(" ", validation.Failures),
        AggregateException aggregate => string.Join(" ", aggregate.InnerExceptions.Select(Describe)),

        // The binder says "Failed to convert configuration value 'x' at 'Training:Mode' ..."; its inner
        // exception says why.
        { InnerException: { } inner } => $"{exception.Message} {inner.Message}",
        _ => exception.Message,
    };
}
