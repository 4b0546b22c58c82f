using System.Buffers;

namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>
/// A plain line is ASCII with no quote: its fields are the bytes between separators, so the byte readers take it
/// field by field; any other line is read by the text path, which handles quoting and decodes UTF-8 as StreamReader.
/// </summary>
internal static class PlainLine
{
    // One vectorized search for either reason a line is not plain (non-ASCII bytes, a quote), not a pass for each.
    private static readonly SearchValues<byte> NotPlain = SearchValues.Create([(byte)'"', .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    public static bool Is(ReadOnlySpan<byte> line) => line.IndexOfAny(NotPlain) < 0;

    /// <summary>A field of a plain line without the blanks around it, as TextLoader trims a number; most fields have none, so the trim is skipped then.</summary>
    public static ReadOnlySpan<byte> Trimmed(ReadOnlySpan<byte> field) =>
        field.IsEmpty || (field[0] > (byte)' ' && field[^1] > (byte)' ') ? field : field.Trim(" \t\n\v\f\r"u8);
}
