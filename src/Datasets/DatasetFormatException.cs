using System.Globalization;
using System.Text;

namespace HybridSgd.Datasets;

/// <summary>
/// A dataset file exists but its bytes are not what the format promises (wrong magic, not gzip,
/// truncated, a value out of range, headers that disagree). The message always names the file and,
/// where it applies, the row and the byte offset, so the bad file can be found without a debugger.
/// </summary>
/// <remarks>
/// <see cref="InvalidDataException"/>, what GZipStream throws for corrupt data, would be the natural base but
/// is sealed. <see cref="IOException"/> is the next best: it is also the base of
/// <see cref="DatasetNotFoundException"/>, so one <c>catch (IOException)</c> covers "the dataset cannot be read".
/// A GZipStream failure is kept as <see cref="Exception.InnerException"/>.
/// </remarks>
public sealed class DatasetFormatException : IOException
{
    /// <summary>Creates the exception; the message is composed from the location and <paramref name="problem"/>.</summary>
    /// <param name="filePath">The file whose content is wrong.</param>
    /// <param name="problem">What was expected and what was found.</param>
    /// <param name="row">The zero-based record (example) index, when the problem belongs to one record.</param>
    /// <param name="byteOffset">The offset in the decompressed content where the problem was seen.</param>
    /// <param name="innerException">The lower-level failure, if any.</param>
    /// <param name="line">The 1-based line number, as an editor shows it, for text files.</param>
    /// <param name="column">The column (by name) the problem belongs to, for tables.</param>
    public DatasetFormatException(
        string filePath,
        string problem,
        long? row = null,
        long? byteOffset = null,
        Exception? innerException = null,
        long? line = null,
        string? column = null)
        : base(Compose(filePath, problem, row, byteOffset, line, column), innerException)
    {
        FilePath = filePath;
        Row = row;
        ByteOffset = byteOffset;
        Line = line;
        Column = column;
    }

    /// <summary>The file whose content is wrong.</summary>
    public string FilePath { get; }

    /// <summary>The zero-based record index, when the problem belongs to one record.</summary>
    public long? Row { get; }

    /// <summary>The offset in the decompressed content where the problem was seen, when known.</summary>
    public long? ByteOffset { get; }

    /// <summary>The 1-based line number in a text file, when the problem belongs to one line.</summary>
    public long? Line { get; }

    /// <summary>The name of the table column the problem belongs to, when it belongs to one.</summary>
    public string? Column { get; }

    private static string Compose(string filePath, string problem, long? row, long? byteOffset, long? line, string? column)
    {
        var message = new StringBuilder();
        message.Append('\'').Append(filePath).Append('\'');
        if (line is { } l)
        {
            message.Append(CultureInfo.InvariantCulture, $", line {l}");
        }

        if (column is not null)
        {
            message.Append(", column '").Append(column).Append('\'');
        }

        if (row is { } r)
        {
            message.Append(CultureInfo.InvariantCulture, $", row {r}");
        }

        if (byteOffset is { } offset)
        {
            message.Append(CultureInfo.InvariantCulture, $", decompressed byte offset {offset}");
        }

        return message.Append(": ").Append(problem).ToString();
    }
}
