using System.Text.Json.Serialization;

namespace HybridSgd.Datasets.Tabular;

/// <summary>The file formats a tabular dataset may come in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TabularFormat>))]
public enum TabularFormat
{
    /// <summary>Delimited text with a header row (comma or semicolon separated).</summary>
    Csv,

    /// <summary>Tab-separated text with a header row.</summary>
    Tsv,

    /// <summary>SVMlight / LibSVM sparse text: <c>label index:value …</c>, one example a line, no header.</summary>
    SvmLight,

    /// <summary>ML.NET's binary data view format (<c>ml.Data.SaveAsBinary</c>).</summary>
    Idv,
}
