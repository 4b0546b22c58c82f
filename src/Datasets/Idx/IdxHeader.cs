namespace HybridSgd.Datasets;

/// <summary>
/// The header of an unsigned-byte IDX file: how many records follow and the shape of each.
/// A label file (idx1) is read as records of shape 1x1 so both kinds share one reader.
/// </summary>
/// <param name="Magic">The magic number, e.g. <see cref="IdxHeader.ImagesMagic"/>.</param>
/// <param name="Count">The number of records the header promises.</param>
/// <param name="Rows">Rows of one record (1 for labels).</param>
/// <param name="Columns">Columns of one record (1 for labels).</param>
internal readonly record struct IdxHeader(int Magic, int Count, int Rows, int Columns)
{
    /// <summary>idx3, unsigned byte: images (count, rows, columns follow).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>idx1, unsigned byte: labels (count follows).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>Bytes before the first record: the magic and one int32 per dimension.</summary>
    public int Length => sizeof(int) * (1 + Dimensions);

    /// <summary>Bytes in one record.</summary>
    public int RecordLength => Rows * Columns;

    /// <summary>The number of dimensions, which IDX stores in the magic's low byte.</summary>
    public int Dimensions => Magic & 0xFF;

    /// <summary>The decompressed offset where record <paramref name="row"/> starts.</summary>
    public long OffsetOf(long row) => Length + (row * RecordLength);

    /// <summary>A human-readable name of <paramref name="magic"/> for error messages.</summary>
    public static string Describe(int magic) => magic switch
    {
        ImagesMagic => "0x00000803 (idx3 unsigned-byte images)",
        LabelsMagic => "0x00000801 (idx1 unsigned-byte labels)",
        _ => $"0x{magic:X8}",
    };
}
