namespace HybridSgd.Datasets.Tabular.Text;

/// <summary>The header row of a delimited file: its separator and its column names.</summary>
internal sealed class DelimitedHeader
{
    private DelimitedHeader(string path, char separator, IReadOnlyList<string> names)
    {
        Path = path;
        Separator = separator;
        Names = names;
    }

    public string Path { get; }

    public char Separator { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Reads line 1 as the header; <paramref name="separator"/> null detects it.</summary>
    /// <exception cref="DatasetFormatException">The file is empty, line 1 is blank, has one column, or repeats a name.</exception>
    public static DelimitedHeader Read(string path, char? separator)
    {
        string? line;
        using (var reader = new StreamReader(path))
        {
            line = reader.ReadLine();
        }

        if (line is null)
        {
            throw new DatasetFormatException(path, "the file is empty; expected a header row naming the columns, then one row per example.");
        }

        if (string.IsNullOrWhiteSpace(line))
        {
            throw new DatasetFormatException(path, "the header row is blank; line 1 must name the columns.", line: 1);
        }

        char sep = separator ?? Separators.Detect(line) ?? throw new DatasetFormatException(
            path,
            "the header has no tab, comma or semicolon, so it names a single column; a table needs a label and at least one " +
            "feature. Set the separator explicitly if the file uses another one.",
            line: 1);

        var fields = new List<string>();
        if (DelimitedLine.Split(line, sep, fields) is { } problem)
        {
            throw new DatasetFormatException(path, $"the header row is malformed: {problem}.", line: 1);
        }

        var names = new string[fields.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < fields.Count; i++)
        {
            // An unnamed column (a pandas index exported with to_csv) still needs a name to be picked by.
            names[i] = fields[i].Length == 0 ? $"Column{i + 1}" : fields[i];
            if (!seen.TryAdd(names[i], i))
            {
                throw new DatasetFormatException(
                    path,
                    $"the header names column '{names[i]}' twice (columns {seen[names[i]] + 1} and {i + 1}); column names must be unique.",
                    line: 1);
            }
        }

        return new DelimitedHeader(path, sep, names);
    }

    /// <summary>The index of column <paramref name="name"/>, or a message naming the columns there are.</summary>
    public int IndexOf(string name, string role)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new DatasetFormatException(Path, $"no column '{name}' ({role}) in the header; columns are: {Listing()}.{HeaderHint()}", line: 1);
    }

    /// <summary>
    /// The column names for a message, cut short: a file that is not a table at all (binary, one huge line) has a
    /// "header" of kilobytes, which would bury the one sentence the reader needs.
    /// </summary>
    private string Listing()
    {
        const int MaxNames = 20;
        const int MaxCharacters = 40;
        static string Clip(string name)
        {
            string printable = string.Concat(name.Select(c => char.IsControl(c) ? '?' : c));
            return printable.Length <= MaxCharacters ? printable : $"{printable[..MaxCharacters]}… ({name.Length} characters)";
        }

        string listed = string.Join(", ", Names.Take(MaxNames).Select(Clip));
        return Names.Count > MaxNames ? $"{listed}, … ({Names.Count} columns)" : listed;
    }

    /// <summary>A header with numbers for names is almost always a data row (or scikit-learn's "150,4,setosa,…" count line).</summary>
    private string HeaderHint()
        => Names.Any(n => NumericText.TryParse(n, out _))
            ? " Line 1 looks like data, not a header (some names are numbers): the file needs a first row naming its columns."
            : string.Empty;
}
