using System.Text;
using HybridSgd.Datasets.Tabular.Inference;

namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>
/// The training file's validating scan (field counts, column kinds, label values) read from its UTF-8 bytes, a batch
/// of lines at a time, in parallel. A plain line — ASCII, no quote, the header's number of fields, every feature a
/// number or empty — is checked and counted without a string. Every other line goes, in file order, through the text
/// path the scan always had (<see cref="DelimitedLine"/> and the column profiles), so each message, and the line it
/// names, is what the line-by-line check gave; the label of every line is profiled in file order too.
/// </summary>
internal static class ProfileScan
{
    // Lines per batch: the batch's bytes stay in memory while its lines are scanned (8,192 Fashion-MNIST lines: 18 MB).
    private const int LinesPerBatch = 8192;
    private const int LinesPerChunk = 256;
    private const int Ignored = -1;
    private const int LabelField = -2;

    // Beyond this a Single parsed as TextLoader parses it may be finite where double.Parse's rounding is not: such a
    // field takes the text path, whose judgement (NumericText) decides.
    private const float LargestPlainMagnitude = 1e38f;

    /// <summary>Profiles every data row of <paramref name="header"/>'s file.</summary>
    /// <returns>How many rows there are, and how many of them took the text path (quotes, non-ASCII, "?" or "NaN", …).</returns>
    /// <exception cref="DatasetFormatException">A line is malformed or has the wrong number of fields; a label is empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static (long Rows, long TextLines) Run(
        DelimitedHeader header, int labelIndex, int[] featureIndices, LabelProfile label, ColumnProfile[] profiles, ReadBuffers buffers,
        CancellationToken cancellationToken)
    {
        var roles = new int[header.Names.Count];
        Array.Fill(roles, Ignored);
        roles[labelIndex] = LabelField;
        for (int k = 0; k < featureIndices.Length; k++)
        {
            roles[featureIndices[k]] = k;
        }

        var batch = new LineBatch(LinesPerBatch);
        var plain = new bool[LinesPerBatch];
        var labels = new (int Start, int Length)[LinesPerBatch];
        var numbers = new long[profiles.Length];
        var fields = new List<string>(header.Names.Count);
        byte separator = (byte)header.Separator;
        long rows = 0;
        long textLines = 0;
        using var lines = new LineSource(header.Path, buffers.Lines);
        lines.Next(out _, out _, cancellationToken); // the header, already read
        while (batch.Fill(lines, cancellationToken) is var count and > 0)
        {
            Parallel.For(
                0,
                (count + LinesPerChunk - 1) / LinesPerChunk,
                new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                () => new ChunkCounts(profiles.Length),
                (chunk, _, counts) =>
                {
                    for (int i = chunk * LinesPerChunk; i < Math.Min(count, (chunk + 1) * LinesPerChunk); i++)
                    {
                        plain[i] = TryPlain(batch[i], separator, roles, counts, out labels[i]);
                    }

                    return counts;
                },
                counts => counts.AddTo(numbers));

            for (int i = 0; i < count; i++)
            {
                long line = batch.LineNumber(i);
                if (plain[i])
                {
                    var (start, length) = labels[i];
                    label.AddField(Encoding.ASCII.GetString(batch[i].Slice(start, length)), line);
                }
                else
                {
                    textLines++;
                    TextLine(Encoding.UTF8.GetString(batch[i]), line, header, labelIndex, featureIndices, label, profiles, fields);
                }
            }

            rows += count;
        }

        for (int k = 0; k < profiles.Length; k++)
        {
            profiles[k].AddNumbers(numbers[k]);
        }

        return (rows, textLines);
    }

    /// <summary>The text path: the line split and judged field by field, as the line-by-line check always did.</summary>
    private static void TextLine(
        string text, long line, DelimitedHeader header, int labelIndex, int[] featureIndices, LabelProfile label, ColumnProfile[] profiles, List<string> fields)
    {
        if (DelimitedLine.Split(text, header.Separator, fields) is { } problem)
        {
            throw new DatasetFormatException(header.Path, $"{problem}.", line: line);
        }

        if (fields.Count != header.Names.Count)
        {
            throw new DatasetFormatException(
                header.Path, DelimitedRows.FieldCountProblem(line, fields.Count, header.Names.Count, header.Separator), line: line);
        }

        AddRow(fields, line, labelIndex, featureIndices, label, profiles);
    }

    /// <summary>A row's fields into the profiles: its label, then each feature (the order the old check judged them in).</summary>
    public static void AddRow(List<string> fields, long line, int labelIndex, int[] featureIndices, LabelProfile label, ColumnProfile[] profiles)
    {
        label.AddField(fields[labelIndex], line);
        for (int k = 0; k < featureIndices.Length; k++)
        {
            profiles[k].Add(fields[featureIndices[k]], line);
        }
    }

    /// <summary>
    /// True when the line is plain and every feature is a number or empty: its numbers are counted in
    /// <paramref name="counts"/> and <paramref name="label"/> is where its trimmed label is. False changes no count.
    /// </summary>
    private static bool TryPlain(ReadOnlySpan<byte> line, byte separator, int[] roles, ChunkCounts counts, out (int Start, int Length) label)
    {
        label = default;
        if (!PlainLine.Is(line))
        {
            return false;
        }

        int pending = 0;
        int position = 0;
        for (int field = 0; field < roles.Length; field++)
        {
            bool last = field == roles.Length - 1;
            if (roles[field] >= 0 && Utf8Number.TryDigits(line, position, separator, out _, out int end))
            {
                if (last != (end == line.Length))
                {
                    return false; // too few or too many fields: the text path words the problem
                }

                counts.Pending[pending++] = roles[field];
                position = end + 1;
                continue;
            }

            var rest = line[position..];
            int length = rest.IndexOf(separator);
            if (last != (length < 0))
            {
                return false; // too few or too many fields: the text path words the problem
            }

            var raw = last ? rest : rest[..length];
            var value = TrimBlanks(raw, separator, out int leading);
            switch (roles[field])
            {
                case LabelField:
                    if (value.Length == 0 || value.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0)
                    {
                        return false;
                    }

                    label = (position + leading, value.Length);
                    break;
                case >= 0 when value.Length > 0:
                    if (!Utf8Number.TryParse(value, out float x) || !(Math.Abs(x) < LargestPlainMagnitude))
                    {
                        return false;
                    }

                    counts.Pending[pending++] = roles[field];
                    break;
            }

            position += raw.Length + 1;
        }

        counts.Commit(pending);
        return true;
    }

    /// <summary>The field without the spaces and tabs around it (a tab is kept when it is the separator).</summary>
    private static ReadOnlySpan<byte> TrimBlanks(ReadOnlySpan<byte> field, byte separator, out int leading)
    {
        int start = 0;
        int end = field.Length;
        while (start < end && IsBlank(field[start], separator))
        {
            start++;
        }

        while (end > start && IsBlank(field[end - 1], separator))
        {
            end--;
        }

        leading = start;
        return field[start..end];
    }

    private static bool IsBlank(byte b, byte separator) => (b == (byte)' ' || b == (byte)'\t') && b != separator;

    /// <summary>One worker's count of numbers per feature, and the features of the line it is reading.</summary>
    private sealed class ChunkCounts(int features)
    {
        private readonly long[] _numbers = new long[features];

        public int[] Pending { get; } = new int[features];

        public void Commit(int pending)
        {
            foreach (int k in Pending.AsSpan(0, pending))
            {
                _numbers[k]++;
            }
        }

        public void AddTo(long[] total)
        {
            lock (total)
            {
                for (int k = 0; k < total.Length; k++)
                {
                    total[k] += _numbers[k];
                }
            }
        }
    }
}
