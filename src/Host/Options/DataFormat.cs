namespace HybridSgd.Host.Options;

/// <summary>What <c>Data:Format</c> may say: tell the format from the file's extension, or name it.</summary>
public enum DataFormat
{
    Auto,
    Csv,
    Tsv,
    SvmLight,
    Idv,

    /// <summary>Another name users know SVMlight by.</summary>
    Svm = SvmLight,

    /// <summary>Another name users know SVMlight by.</summary>
    LibSvm = SvmLight,
}
