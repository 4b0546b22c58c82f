using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>
/// Reads a training file whose every line the scan found plain and whose features are all numeric into a
/// <see cref="PlainRowsView"/>: the values TextLoader would read (its arithmetic, <see cref="Utf8Number"/>; an empty
/// field NaN; a text label with its trailing blanks cut, its leading ones kept), parsed in parallel from the bytes.
/// </summary>
internal static class PlainRows
{
    /// <summary>The most values held (256 MiB of Single; Fashion-MNIST's 60,000 × 784 is 47 M): a larger file is fitted from TextLoader, streaming.</summary>
    public const long MaxValues = 1L << 26;

    private const int LinesPerChunk = 256;

    /// <summary>The view, or null when a line turns out not to be plain (the caller reads the file through TextLoader).</summary>
    public static PlainRowsView? TryRead(
        DelimitedHeader header, int labelIndex, int[] featureIndices, string labelName, bool textLabel, long rows, CancellationToken cancellationToken)
    {
        int width = featureIndices.Length;
        var features = new float[checked(rows * width)];
        float[]? numericLabels = textLabel ? null : new float[rows];
        var textLabels = textLabel ? new ReadOnlyMemory<char>[rows] : null;
        var slots = new int[header.Names.Count];
        Array.Fill(slots, -1);
        for (int k = 0; k < width; k++)
        {
            slots[featureIndices[k]] = k;
        }

        byte separator = (byte)header.Separator;
        var offsets = new int[8192];
        var lengths = new int[8192];
        long row = 0;
        bool plain = true;
        using var lines = new LineSource(header.Path);
        lines.Next(out _, out _, cancellationToken); // the header
        while (plain)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lines.BeginBatch();
            int count = 0;
            while (count < offsets.Length && lines.Next(out int offset, out int length, cancellationToken))
            {
                if (length > 0)
                {
                    offsets[count] = offset;
                    lengths[count++] = length;
                }
            }

            if (count == 0 || row + count > rows)
            {
                plain = count == 0;
                break;
            }

            byte[] buffer = lines.Buffer;
            long first = row;
            var parsed = Parallel.For(
                0,
                (count + LinesPerChunk - 1) / LinesPerChunk,
                new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                (chunk, state) =>
                {
                    for (int i = chunk * LinesPerChunk; i < Math.Min(count, (chunk + 1) * LinesPerChunk); i++)
                    {
                        long at = first + i;
                        var values = features.AsSpan((int)(at * width), width);
                        if (!TryLine(buffer.AsSpan(offsets[i], lengths[i]), separator, slots, labelIndex, textLabel, values, out float number, out string? text))
                        {
                            state.Stop();
                            return;
                        }

                        if (textLabels is not null)
                        {
                            textLabels[at] = text.AsMemory();
                        }
                        else
                        {
                            numericLabels![at] = number;
                        }
                    }
                });
            plain = parsed.IsCompleted;
            row += count;
        }

        if (!plain || row != rows)
        {
            return null;
        }

        var schema = new DataViewSchema.Builder();
        foreach (int index in featureIndices)
        {
            schema.AddColumn(RawColumns.Feature(header.Names[index]), NumberDataViewType.Single);
        }

        schema.AddColumn(labelName, textLabel ? TextDataViewType.Instance : NumberDataViewType.Single);
        return new PlainRowsView(schema.ToSchema(), features, width, numericLabels, textLabels, rows);
    }

    private static bool TryLine(
        ReadOnlySpan<byte> line, byte separator, int[] slots, int labelIndex, bool textLabel, Span<float> values, out float number, out string? text)
    {
        number = 0;
        text = null;
        if (!PlainLine.Is(line))
        {
            return false;
        }

        int field = 0;
        while (true)
        {
            int length = line.IndexOf(separator);
            var raw = length < 0 ? line : line[..length];
            if (field >= slots.Length)
            {
                return false;
            }

            var value = raw.Trim(" \t\n\v\f\r"u8);
            if (slots[field] is var slot and >= 0)
            {
                if (value.Length == 0)
                {
                    values[slot] = float.NaN;
                }
                else if (!Utf8Number.TryParse(value, out values[slot]))
                {
                    return false;
                }
            }
            else if (field == labelIndex)
            {
                if (textLabel)
                {
                    // TextLoader (TrimWhitespace) cuts a text field's trailing blanks and keeps its leading ones.
                    text = Encoding.ASCII.GetString(raw.TrimEnd(" \t"u8));
                }
                else if (!Utf8Number.TryParse(value, out number))
                {
                    return false;
                }
            }

            field++;
            if (length < 0)
            {
                return field == slots.Length;
            }

            line = line[(length + 1)..];
        }
    }
}
