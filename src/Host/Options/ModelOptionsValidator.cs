using HybridSgd.Pipeline.Models;
using Microsoft.Extensions.Options;

namespace HybridSgd.Host.Options;

/// <summary>Rejects an unknown model name at start, naming the key and the known names.</summary>
internal sealed class ModelOptionsValidator : IValidateOptions<ModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions options) =>
        ModelFactory.Names.Contains(options.Name)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{ModelOptions.SectionName}:Name '{options.Name}' is not a known model ({string.Join(", ", ModelFactory.Names)}).");
}
