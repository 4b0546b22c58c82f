using Microsoft.Extensions.Options;

namespace HybridSgd.Host.Options;

/// <summary>Rejects a setting whose value is not one of the known names, naming the key and the choices.</summary>
internal sealed class KnownNameValidator<T>(string key, Func<T, string> read, IReadOnlyList<string> known) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        string value = read(options);
        return known.Contains(value)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{key} '{value}' is not one of: {string.Join(", ", known)}.");
    }
}
