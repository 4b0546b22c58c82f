using HybridSgd.Datasets.Tabular;
using HybridSgd.Host.Options;
using HybridSgd.Pipeline.Data;

namespace HybridSgd.Host.Data;

/// <summary>The <c>Data</c> section's tabular keys as the loader's options (already validated at start).</summary>
internal static class TabularSettings
{
    public static TabularOptions From(DataOptions options) => new()
    {
        Label = options.Label,
        Features = string.IsNullOrWhiteSpace(options.Features)
            ? null
            : options.Features.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        Separator = options.Separator,
        Format = options.Format switch
        {
            DataFormat.Csv => TabularFormat.Csv,
            DataFormat.Tsv => TabularFormat.Tsv,
            DataFormat.SvmLight => TabularFormat.SvmLight,
            DataFormat.Idv => TabularFormat.Idv,
            _ => null,
        },
        Task = options.Task switch
        {
            DataTask.Binary => LearningTask.Binary,
            DataTask.Multiclass => LearningTask.Multiclass,
            DataTask.Regression => LearningTask.Regression,
            _ => null,
        },
        Normalization = options.Normalize,
    };
}
