namespace HybridSgd.Pipeline.Data;

/// <summary>The column names the pipeline reads from an <see cref="Microsoft.ML.IDataView"/> (ML.NET's defaults).</summary>
public static class DataColumns
{
    public const string Features = "Features";
    public const string Label = "Label";
}
