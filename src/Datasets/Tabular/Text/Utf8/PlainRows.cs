using System.Buffers;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>
/// Reads a training file whose every line the scan found plain, and whose features are all numeric, as TextLoader
/// would (its arithmetic, <see cref="Utf8Number"/>; an empty field NaN; a text label with its trailing blanks cut and
/// its leading ones kept), from the bytes, a batch of lines at a time, in parallel: <see cref="PlainRowsView"/>.
/// </summary>
internal static class PlainRows
{
    /// <summary>
    /// The most values a first file may have to be read this way (64 M; Fashion-MNIST's 60,000 × 784 is 47 M), and the
    /// most a TextLoader-read one may have to be cached for its fit (256 MB). The view streams and its fit can be
    /// stopped, so for the view the bound is only where it was measured; a larger file is fitted from TextLoader.
    /// </summary>
    public const long MaxValues = 1L << 26;

    private const int LinesPerChunk = 256;

    /// <summary>
    /// A view of the file's raw columns as TextLoader gives them with <see cref="RawFeatureLayout.NumericVector"/>: the
    /// features as one vector (slot names from the header), then the label.
    /// </summary>
    public static PlainRowsView View(DelimitedHeader header, int labelIndex, int[] featureIndices, string labelName, bool textLabel, long rows, ReadBuffers buffers)
    {
        var slotNames = new DataViewSchema.Annotations.Builder();
        var names = new VBuffer<ReadOnlyMemory<char>>(featureIndices.Length, featureIndices.Select(i => header.Names[i].AsMemory()).ToArray());
        slotNames.Add(
            "SlotNames",
            new VectorDataViewType(TextDataViewType.Instance, featureIndices.Length),
            (ref VBuffer<ReadOnlyMemory<char>> value) => names.CopyTo(ref value));
        var schema = new DataViewSchema.Builder();
        schema.AddColumn(RawColumns.NumericFeatures, new VectorDataViewType(NumberDataViewType.Single, featureIndices.Length), slotNames.ToAnnotations());
        schema.AddColumn(labelName, textLabel ? TextDataViewType.Instance : NumberDataViewType.Single);
        var slots = new int[header.Names.Count];
        Array.Fill(slots, -1);
        for (int k = 0; k < featureIndices.Length; k++)
        {
            slots[featureIndices[k]] = k;
        }

        return new PlainRowsView(schema.ToSchema(), new Layout(header, slots, labelIndex, featureIndices.Length, textLabel), rows, buffers);
    }

    /// <summary>Where each field goes: <see cref="Slots"/> maps a field to its feature (−1: not a feature).</summary>
    internal sealed record Layout(DelimitedHeader Header, int[] Slots, int LabelIndex, int Width, bool TextLabel);

    /// <summary>
    /// One batch of parsed rows; refilled from the line source by each call of <see cref="Fill"/>. Its features matrix is
    /// rented from <paramref name="pool"/> (each fitted transform's pass opens a cursor, and a fresh 13 MB matrix a pass
    /// is memory to fault in) and given back on <see cref="Dispose"/>.
    /// </summary>
    internal sealed class Batch(Layout layout, int capacity, bool features, ArrayPool<float> pool) : IDisposable
    {
        private readonly LineBatch _lines = new(capacity);
        private readonly bool[] _parsed = new bool[capacity];

        public float[] Features { get; private set; } = features ? pool.Rent(capacity * layout.Width) : [];

        public float[] NumericLabels { get; } = new float[capacity];

        public string[] TextLabels { get; } = new string[capacity];

        public int Count => _lines.Count;

        public void Dispose()
        {
            if (Features.Length > 0)
            {
                pool.Return(Features);
                Features = [];
            }
        }

        /// <summary>The next lines that are rows, parsed; 0 at the end of the file.</summary>
        /// <exception cref="DatasetFormatException">A line is no longer plain: the file changed after it was scanned.</exception>
        public int Fill(LineSource lines)
        {
            int count = _lines.Fill(lines, CancellationToken.None);
            Parallel.For(0, (count + LinesPerChunk - 1) / LinesPerChunk, chunk =>
            {
                for (int i = chunk * LinesPerChunk; i < Math.Min(count, (chunk + 1) * LinesPerChunk); i++)
                {
                    _parsed[i] = TryLine(_lines[i], i);
                }
            });

            // The first line that failed, in file order, whichever worker met it.
            int bad = Array.IndexOf(_parsed, false, 0, count);
            if (bad >= 0)
            {
                throw new DatasetFormatException(
                    layout.Header.Path, "the file changed while its schema was read: this line is not the one that was checked.", line: _lines.LineNumber(bad));
            }

            return count;
        }

        private bool TryLine(ReadOnlySpan<byte> line, int row)
        {
            if (!PlainLine.Is(line))
            {
                return false;
            }

            byte separator = (byte)layout.Header.Separator;
            if (!features)
            {
                return TryLabelOnly(line, row, separator);
            }

            var values = Features.AsSpan(row * layout.Width, layout.Width);
            int field = 0;
            int position = 0;
            while (true)
            {
                if (field >= layout.Slots.Length)
                {
                    return false;
                }

                if (layout.Slots[field] is var digitsSlot and >= 0
                    && Utf8Number.TryDigits(line, position, separator, out values[digitsSlot], out int end))
                {
                    field++;
                    if (end == line.Length)
                    {
                        return field == layout.Slots.Length;
                    }

                    position = end + 1;
                    continue;
                }

                var rest = line[position..];
                int length = rest.IndexOf(separator);
                var raw = length < 0 ? rest : rest[..length];

                if (layout.Slots[field] is var slot and >= 0)
                {
                    var value = PlainLine.Trimmed(raw);
                    if (value.Length == 0)
                    {
                        values[slot] = float.NaN;
                    }
                    else if (!Utf8Number.TryParse(value, out values[slot]))
                    {
                        return false;
                    }
                }
                else if (field == layout.LabelIndex && !TryLabel(raw, row))
                {
                    return false;
                }

                field++;
                if (length < 0)
                {
                    return field == layout.Slots.Length;
                }

                position += length + 1;
            }
        }

        /// <summary>
        /// The label's own fit reads only the label: the line's fields are counted in one vectorized pass and only the
        /// label field is cut out (a full parse of Fashion-MNIST's 784 pixels cost this pass about 0.4 s).
        /// </summary>
        private bool TryLabelOnly(ReadOnlySpan<byte> line, int row, byte separator)
        {
            if (line.Count(separator) != layout.Slots.Length - 1)
            {
                return false;
            }

            int start = 0;
            for (int field = 0; field < layout.LabelIndex; field++)
            {
                start += line[start..].IndexOf(separator) + 1;
            }

            var rest = line[start..];
            int length = rest.IndexOf(separator);
            return TryLabel(length < 0 ? rest : rest[..length], row);
        }

        private bool TryLabel(ReadOnlySpan<byte> raw, int row)
        {
            if (layout.TextLabel)
            {
                // TextLoader (TrimWhitespace) cuts a text field's trailing blanks and keeps its leading ones.
                TextLabels[row] = Encoding.ASCII.GetString(raw.TrimEnd(" \t"u8));
                return true;
            }

            return Utf8Number.TryParse(PlainLine.Trimmed(raw), out NumericLabels[row]);
        }
    }
}
