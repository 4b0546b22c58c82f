namespace HybridSgd.Datasets.Tabular;

/// <summary>The chosen format, or (none chosen) the one the file's extension names.</summary>
internal static class FormatResolver
{
    /// <exception cref="ArgumentException">No format was chosen and the extension is not a known one.</exception>
    public static TabularFormat Resolve(TabularFormat? chosen, string path) =>
        chosen ?? FromExtension(Path.GetExtension(path).TrimStart('.').ToLowerInvariant()) ?? throw new ArgumentException(
            $"Cannot tell the format of '{path}' from its extension; use .csv, .tsv, .txt, .svm, .svmlight, .libsvm or .idv, " +
            "or set the format (csv, tsv, svmlight, idv).",
            nameof(path));

    // csv and tsv are read the same way (the separator decides); the spec records which one the header showed.
    private static TabularFormat? FromExtension(string extension) => extension switch
    {
        "csv" or "txt" => TabularFormat.Csv,
        "tsv" => TabularFormat.Tsv,
        "svm" or "svmlight" or "libsvm" => TabularFormat.SvmLight,
        "idv" => TabularFormat.Idv,
        _ => null,
    };
}
