namespace HybridSgd.Datasets.Tabular.Text;

/// <summary>
/// Streams the data rows of a delimited file (line 2 on) as fields, checking that every row has as many fields as
/// the header. Memory is one line; the field list is reused from row to row.
/// </summary>
internal static class DelimitedRows
{
    /// <summary>One data row: its 1-based line number and its fields (valid until the next row).</summary>
    public readonly record struct Row(long Line, List<string> Fields);

    /// <summary>How many lines are read between looks at the cancellation token: a stop is prompt, the check is free.</summary>
    private const int LinesPerCancellationCheck = 4096;

    /// <param name="cancellationToken">Ends the read between lines (a service stopping while it checks a large file).</param>
    public static IEnumerable<Row> Read(DelimitedHeader header, CancellationToken cancellationToken)
    {
        var fields = new List<string>(header.Names.Count);
        using var reader = new StreamReader(header.Path);
        reader.ReadLine();
        long lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber % LinesPerCancellationCheck == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // TextLoader skips empty lines, so they are neither rows nor errors. A line of spaces is NOT skipped by
            // TextLoader (it becomes a row of missing values with a key-0 label), so here it fails the field count.
            if (line.Length == 0)
            {
                continue;
            }

            if (DelimitedLine.Split(line, header.Separator, fields) is { } problem)
            {
                throw new DatasetFormatException(header.Path, $"{problem}.", line: lineNumber);
            }

            if (fields.Count != header.Names.Count)
            {
                throw new DatasetFormatException(
                    header.Path, FieldCountProblem(lineNumber, fields.Count, header.Names.Count, header.Separator), line: lineNumber);
            }

            yield return new Row(lineNumber, fields);
        }
    }

    /// <summary>What is wrong with a row of the wrong width, and what to do (shared with the service's reader).</summary>
    public static string FieldCountProblem(long lineNumber, int fields, int headerFields, char separator) =>
        $"line {lineNumber} has {fields} fields, the header has {headerFields} " +
        $"({Separators.Name(separator)}-separated); quote a field that contains the separator, " +
        "and leave a missing value empty rather than dropping its field.";
}
