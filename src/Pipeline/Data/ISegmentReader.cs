namespace HybridSgd.Pipeline.Data;

/// <summary>
/// A file read a segment at a time, front to back, each row once: how the service trains on files larger than memory.
/// <see cref="DenseReader"/> reads any ML.NET view this way; the delimited-text reader of HybridSgd.Datasets parses,
/// validates and featurizes in the same pass.
/// </summary>
public interface ISegmentReader : IDisposable
{
    int FeatureCount { get; }

    /// <summary>Rows passed so far, usable or skipped.</summary>
    long Consumed { get; }

    /// <summary>Moves past <paramref name="rows"/> rows without reading them; false when the file ends first.</summary>
    bool Skip(long rows);

    /// <summary>
    /// The next rows, passing at most <paramref name="maxRows"/> (unusable ones skipped and counted in the block). The block
    /// is valid until the next call or the reader's disposal: a reader may reuse its arrays (and hand them on to the next
    /// file's reader), so train on a block before reading the next or closing the file.
    /// </summary>
    DenseDataset Read(long maxRows);
}
