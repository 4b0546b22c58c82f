namespace HybridSgd.Datasets.Tabular;

/// <summary>Turns the format option (or, for "auto", the file's extension) into a <see cref="TabularFormat"/>.</summary>
internal static class FormatResolver
{
    /// <exception cref="ArgumentException">The option is not a known format, or "auto" meets an unknown extension.</exception>
    public static TabularFormat Resolve(string option, string path)
    {
        string name = option.Trim().ToLowerInvariant();
        if (name is "" or TabularOptions.AutoFormat)
        {
            name = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
            if (name == "txt")
            {
                name = "csv";
            }

            return Parse(name) ?? throw new ArgumentException(
                $"Cannot tell the format of '{path}' from its extension; use .csv, .tsv, .txt, .svm, .svmlight, .libsvm or .idv, " +
                "or set the format (csv, tsv, svmlight, idv).",
                nameof(path));
        }

        return Parse(name) ?? throw new ArgumentException(
            $"Format '{option}' is not supported; use auto, csv, tsv, svmlight (or svm, libsvm) or idv.", nameof(option));
    }

    // csv and tsv are read the same way (the separator decides); the spec records which one the header showed.
    private static TabularFormat? Parse(string name) => name switch
    {
        "csv" => TabularFormat.Csv,
        "tsv" => TabularFormat.Tsv,
        "svm" or "svmlight" or "libsvm" => TabularFormat.SvmLight,
        "idv" => TabularFormat.Idv,
        _ => null,
    };
}
