using HybridSgd.Host.Data;
using Microsoft.Extensions.Options;

namespace HybridSgd.Host.Options;

/// <summary>Rejects an unknown dataset name at start, naming the key and the known names.</summary>
internal sealed class DataOptionsValidator : IValidateOptions<DataOptions>
{
    public ValidateOptionsResult Validate(string? name, DataOptions options) =>
        DatasetCatalog.Names.Contains(options.Dataset)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{DataOptions.SectionName}:Dataset '{options.Dataset}' is not a known dataset ({string.Join(", ", DatasetCatalog.Names)}).");
}
