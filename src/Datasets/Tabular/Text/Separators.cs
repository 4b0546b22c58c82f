namespace HybridSgd.Datasets.Tabular.Text;

/// <summary>Parses the separator option and detects the separator from a header line.</summary>
internal static class Separators
{
    // Order breaks ties: a header with as many tabs as commas is most likely a TSV with commas in names.
    private static readonly char[] Candidates = ['\t', ',', ';'];

    /// <summary>The separator the option names, or null for "auto".</summary>
    /// <exception cref="ArgumentException">The option is not one of the accepted spellings.</exception>
    public static char? Parse(string option) => option == "\t" ? '\t' : option.Trim().ToLowerInvariant() switch
    {
        "" or TabularOptions.AutoSeparator => null,
        "," or "comma" => ',',
        "\t" or "\\t" or "tab" => '\t',
        ";" or "semicolon" => ';',
        _ => throw new ArgumentException(
            $"Separator '{option}' is not supported; use auto, comma (,), tab (\\t) or semicolon (;).", nameof(option)),
    };

    /// <summary>The candidate that occurs most often outside quotes in <paramref name="header"/>, or null if none does.</summary>
    public static char? Detect(string header)
    {
        var counts = new int[Candidates.Length];
        bool inQuotes = false;
        foreach (char c in header)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && Array.IndexOf(Candidates, c) is var k and >= 0)
            {
                counts[k]++;
            }
        }

        int best = 0;
        for (int k = 1; k < counts.Length; k++)
        {
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }

        return counts[best] > 0 ? Candidates[best] : null;
    }

    /// <summary>How the separator reads in a message and in the spec.</summary>
    public static string Name(char separator) => separator switch
    {
        '\t' => "tab",
        ',' => "comma",
        ';' => "semicolon",
        _ => $"'{separator}'",
    };
}
