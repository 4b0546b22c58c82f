using HybridSgd.Datasets.Tabular;
using HybridSgd.Host.Data;
using HybridSgd.Host.Options;
using Microsoft.ML;

namespace HybridSgd.Host.Service.Streaming;

/// <summary>
/// Defines the stream's schema from one file, as <c>train</c> would from its training file: the <c>Data</c>
/// section's label, features, task, separator and normalisation; columns and kinds from the whole file, the
/// featurizer (scaling, one-hot, class list) fitted on its training part — the seeded holdout of
/// <c>Data:HoldoutFraction</c> is left out of the fit, as in <c>train</c>. Every file after it, this one included,
/// is then read with that spec, so all later scaling is the first file's.
/// </summary>
internal static class SchemaSource
{
    /// <exception cref="Datasets.DatasetFormatException">The file cannot define a schema; the message names the line.</exception>
    /// <param name="buffers">The stream's read buffers: the schema's passes leave them for the file readers.</param>
    public static TabularSpec Define(MLContext ml, string path, DataOptions data, int seed, ReadBuffers buffers, CancellationToken cancellationToken) =>
        TabularDataset.DefineSpec(ml, path, TabularSettings.From(data), data.HoldoutFraction, seed, buffers, cancellationToken);
}
