using HybridSgd.Datasets;
using Microsoft.ML;

namespace HybridSgd.Tests.Datasets;

/// <summary>Broken IDX files: every failure is a DatasetFormatException naming the file (and row where it applies).</summary>
public sealed class IdxDataViewMalformedTests
{
    [Fact]
    public void Open_WrongImagesMagic_ThrowsNamingFileAndExpectedMagic()
    {
        using var files = new IdxTestFiles().WriteValid();
        IdxTestFiles.WriteGzip(files.ImagesPath, IdxTestFiles.ImageBytes(magic: 0x00000804));

        var ex = Assert.Throws<DatasetFormatException>(() => Open(files));

        Assert.Equal(files.ImagesPath, ex.FilePath);
        Assert.Contains(files.ImagesPath, ex.Message);
        Assert.Contains("0x00000803", ex.Message);
        Assert.Contains("0x00000804", ex.Message);
    }

    [Fact]
    public void Open_LabelsFileGivenAsImages_ThrowsWrongMagic()
    {
        using var files = new IdxTestFiles().WriteValid();

        var ex = Assert.Throws<DatasetFormatException>(() => new IdxDataView(files.LabelsPath, files.ImagesPath, FashionMnist.ClassNames));

        Assert.Contains(files.LabelsPath, ex.Message);
        Assert.Contains("magic", ex.Message);
    }

    [Fact]
    public void Open_CountMismatch_ThrowsNamingBothFiles()
    {
        using var files = new IdxTestFiles().WriteValid();
        IdxTestFiles.WriteGzip(files.LabelsPath, IdxTestFiles.LabelBytes([0, 1, 2, 3]));

        var ex = Assert.Throws<DatasetFormatException>(() => Open(files));

        Assert.Contains(files.LabelsPath, ex.Message);
        Assert.Contains(files.ImagesPath, ex.Message);
        Assert.Contains("4 labels", ex.Message);
        Assert.Contains("5 images", ex.Message);
    }

    [Fact]
    public void Open_UncompressedFile_ThrowsNotGzip()
    {
        using var files = new IdxTestFiles().WriteValid();
        File.WriteAllBytes(files.ImagesPath, IdxTestFiles.ImageBytes());

        var ex = Assert.Throws<DatasetFormatException>(() => Open(files));

        Assert.Contains(files.ImagesPath, ex.Message);
        Assert.Contains("not a gzip file", ex.Message);
        Assert.Contains("uncompressed IDX", ex.Message);
    }

    [Fact]
    public void Open_EmptyFile_ThrowsNotGzip()
    {
        using var files = new IdxTestFiles().WriteValid();
        File.WriteAllBytes(files.LabelsPath, []);

        var ex = Assert.Throws<DatasetFormatException>(() => Open(files));

        Assert.Contains(files.LabelsPath, ex.Message);
        Assert.Contains("empty file", ex.Message);
    }

    [Fact]
    public void Open_TruncatedHeader_Throws()
    {
        using var files = new IdxTestFiles().WriteValid();
        IdxTestFiles.WriteGzip(files.ImagesPath, IdxTestFiles.BigEndian(IdxTestFiles.ImagesMagic, IdxTestFiles.Count));

        var ex = Assert.Throws<DatasetFormatException>(() => Open(files));

        Assert.Contains(files.ImagesPath, ex.Message);
        Assert.Contains("truncated header", ex.Message);
    }

    [Fact]
    public void MoveNext_TruncatedImages_ThrowsAtFirstMissingRow()
    {
        using var files = new IdxTestFiles().WriteValid();

        // Three whole images and half of the fourth, under a header that promises five.
        byte[] content = IdxTestFiles.ImageBytes(records: 4);
        IdxTestFiles.WriteGzip(files.ImagesPath, content[..^3]);
        var view = Open(files);

        using var cursor = view.GetRowCursor(view.Schema);
        for (int row = 0; row < 3; row++)
        {
            Assert.True(cursor.MoveNext());
        }

        var ex = Assert.Throws<DatasetFormatException>(() => cursor.MoveNext());

        Assert.Equal(3, ex.Row);
        Assert.Contains(files.ImagesPath, ex.Message);
        Assert.Contains("row 3", ex.Message);
        Assert.Contains("truncated", ex.Message);
        Assert.Equal(16 + (3 * 6) + 3, ex.ByteOffset);
        Assert.Equal(-1, cursor.Position);
        Assert.False(cursor.MoveNext());
    }

    [Fact]
    public void MoveNext_LabelOutOfRange_ThrowsNamingRowAndRange()
    {
        using var files = new IdxTestFiles().WriteValid();
        IdxTestFiles.WriteGzip(files.LabelsPath, IdxTestFiles.LabelBytes([0, 1, 10, 3, 4]));
        var view = Open(files);

        using var cursor = view.GetRowCursor([view.Schema[FashionMnist.LabelColumnName]]);
        Assert.True(cursor.MoveNext());
        Assert.True(cursor.MoveNext());
        var ex = Assert.Throws<DatasetFormatException>(() => cursor.MoveNext());

        Assert.Equal(2, ex.Row);
        Assert.Equal(8 + 2, ex.ByteOffset);
        Assert.Contains(files.LabelsPath, ex.Message);
        Assert.Contains("row 2", ex.Message);
        Assert.Contains("label 10", ex.Message);
        Assert.Contains("0..9", ex.Message);
    }

    [Fact]
    public void MoveNext_CorruptDeflateData_ThrowsNamingFileAndRow()
    {
        using var files = new IdxTestFiles();

        // Enough incompressible-ish records that the damage lands after the header has been inflated.
        const int count = 2000;
        var random = new Random(7);
        byte[] labels = new byte[count];
        byte[] images = [.. IdxTestFiles.BigEndian(IdxTestFiles.ImagesMagic, count, IdxTestFiles.Rows, IdxTestFiles.Columns), .. RandomBytes(random, count * 6)];
        IdxTestFiles.WriteGzip(files.LabelsPath, IdxTestFiles.LabelBytes(labels));
        IdxTestFiles.WriteGzip(files.ImagesPath, images);
        byte[] compressed = File.ReadAllBytes(files.ImagesPath);
        for (int i = compressed.Length / 2; i < (compressed.Length / 2) + 64; i++)
        {
            compressed[i] ^= 0x5A;
        }

        File.WriteAllBytes(files.ImagesPath, compressed);
        var view = Open(files);

        using var cursor = view.GetRowCursor(view.Schema);
        var ex = Assert.Throws<DatasetFormatException>(() =>
        {
            while (cursor.MoveNext())
            {
            }
        });

        Assert.Contains(files.ImagesPath, ex.Message);
        Assert.NotNull(ex.Row);
        Assert.Contains($"row {ex.Row}", ex.Message);
    }

    [Fact]
    public void Open_MissingFile_ThrowsFileNotFound()
    {
        using var files = new IdxTestFiles().WriteValid();
        File.Delete(files.LabelsPath);

        var ex = Assert.ThrowsAny<FileNotFoundException>(() => Open(files));

        Assert.Contains(files.LabelsPath, ex.Message);
    }

    private static IdxDataView Open(IdxTestFiles files) => new(files.ImagesPath, files.LabelsPath, FashionMnist.ClassNames);

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
