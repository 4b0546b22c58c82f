using Microsoft.ML;

namespace HybridSgd.Datasets;

/// <summary>
/// An <see cref="IDataView"/> over a pair of gzip'd IDX files (images and labels) that streams: nothing
/// but the headers is read here, and each cursor opens and inflates the files on its own.
/// </summary>
/// <remarks>
/// Immutable and safe to share between threads; its cursors are not. Only headers are checked at
/// construction (count agreement, magic, shape): scanning 26 MB of gzip to find a truncated tail or a bad
/// label would make every load slow, so those are detected by the cursor at the row where they occur.
/// </remarks>
internal sealed class IdxDataView : IDataView
{
    private readonly IReadOnlyList<string> _classNames;

    /// <summary>Opens both files, validates and cross-checks their headers, then closes them.</summary>
    public IdxDataView(string imagesPath, string labelsPath, IReadOnlyList<string> classNames)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagesPath);
        ArgumentException.ThrowIfNullOrEmpty(labelsPath);
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Count is 0 or > byte.MaxValue + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classNames), classNames.Count, "A byte label allows 1 to 256 classes.");
        }

        using (var images = IdxFile.Open(imagesPath, IdxHeader.ImagesMagic))
        using (var labels = IdxFile.Open(labelsPath, IdxHeader.LabelsMagic))
        {
            if (images.Header.Count != labels.Header.Count)
            {
                throw new DatasetFormatException(
                    labelsPath,
                    $"record count mismatch: this labels file holds {labels.Header.Count} labels but the images file " +
                    $"'{imagesPath}' holds {images.Header.Count} images; they must pair one to one.",
                    byteOffset: 4);
            }

            ImagesHeader = images.Header;
            LabelsHeader = labels.Header;
        }

        ImagesPath = imagesPath;
        LabelsPath = labelsPath;
        _classNames = classNames.ToArray();
        Schema = IdxSchema.Create(_classNames, FeatureCount);
    }

    public string ImagesPath { get; }

    public string LabelsPath { get; }

    /// <summary>The header seen at construction; cursors insist the file still says the same.</summary>
    public IdxHeader ImagesHeader { get; }

    public IdxHeader LabelsHeader { get; }

    public int ClassCount => _classNames.Count;

    public int FeatureCount => ImagesHeader.RecordLength;

    /// <summary>
    /// False: gzip can only be inflated front to back, so random access would mean re-reading the file.
    /// Callers that need shuffled data cache it (<c>mlContext.Data.Cache</c>) or use <c>mlContext.Data.ShuffleRows</c>.
    /// </summary>
    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    /// <summary>The count from the headers, O(1).</summary>
    public long? GetRowCount() => ImagesHeader.Count;

    /// <summary>Opens a sequential cursor; <paramref name="rand"/> is ignored since <see cref="CanShuffle"/> is false.</summary>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var active = new bool[Schema.Count];
        foreach (var column in columnsNeeded)
        {
            IdxSchema.RequireColumnOf(Schema, column);
            active[column.Index] = true;
        }

        return new IdxRowCursor(this, active);
    }

    /// <summary>
    /// One cursor whatever <paramref name="n"/> asks: n is only a recommendation, and splitting one gzip
    /// stream across threads would serialise on the inflater anyway.
    /// </summary>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
        => [GetRowCursor(columnsNeeded, rand)];
}
