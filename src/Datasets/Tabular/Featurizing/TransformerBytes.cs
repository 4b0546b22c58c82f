using Microsoft.ML;

namespace HybridSgd.Datasets.Tabular.Featurizing;

/// <summary>A fitted transformer as a base64 string (ML.NET's model zip), so the spec stays plain JSON.</summary>
internal static class TransformerBytes
{
    public static string Save(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
    {
        using var stream = new MemoryStream();
        ml.Model.Save(transformer, inputSchema, stream);
        return Convert.ToBase64String(stream.ToArray());
    }

    /// <exception cref="FormatException">The string is not base64 or not a saved ML.NET model.</exception>
    public static ITransformer Load(MLContext ml, string base64, string what)
    {
        try
        {
            using var stream = new MemoryStream(Convert.FromBase64String(base64));
            return ml.Model.Load(stream, out _);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new FormatException($"The tabular spec's {what} is not a saved ML.NET transformer: {ex.Message}", ex);
        }
    }
}
