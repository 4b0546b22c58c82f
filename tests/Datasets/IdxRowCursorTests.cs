using HybridSgd.Datasets;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Tests.Datasets;

/// <summary>The IDataView / cursor contract of IdxDataView, on a tiny hand-made dataset with known values.</summary>
public sealed class IdxRowCursorTests : IDisposable
{
    private readonly IdxTestFiles _files = new IdxTestFiles().WriteValid();
    private readonly IdxDataView _view;

    public IdxRowCursorTests() => _view = new IdxDataView(_files.ImagesPath, _files.LabelsPath, FashionMnist.ClassNames);

    private DataViewSchema.Column Label => _view.Schema[FashionMnist.LabelColumnName];

    private DataViewSchema.Column Features => _view.Schema[FashionMnist.FeaturesColumnName];

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Schema_HasKeyLabelWithClassNamesAndKnownSizeFeatures()
    {
        Assert.Equal(2, _view.Schema.Count);
        Assert.Equal(new KeyDataViewType(typeof(uint), 10), Label.Type);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, IdxTestFiles.Rows * IdxTestFiles.Columns), Features.Type);

        VBuffer<ReadOnlyMemory<char>> names = default;
        Label.GetKeyValues(ref names);
        Assert.Equal(FashionMnist.ClassNames, names.DenseValues().Select(name => name.ToString()));
    }

    [Fact]
    public void View_IsNotShuffleableAndCountsRowsFromHeader()
    {
        Assert.False(_view.CanShuffle);
        Assert.Equal(IdxTestFiles.Count, _view.GetRowCount());
        var cursors = _view.GetRowCursorSet(_view.Schema, 4, new Random(1));
        Assert.Single(cursors);
        cursors[0].Dispose();
    }

    [Fact]
    public void Cursor_ReadsOneBasedKeysAndScaledPixels()
    {
        using var cursor = _view.GetRowCursor(_view.Schema);
        var label = cursor.GetGetter<uint>(Label);
        var features = cursor.GetGetter<VBuffer<float>>(Features);
        var id = cursor.GetIdGetter();
        uint key = 0;
        VBuffer<float> pixels = default;
        DataViewRowId rowId = default;

        Assert.Equal(-1, cursor.Position);
        Assert.Equal(0, cursor.Batch);
        for (int row = 0; row < IdxTestFiles.Count; row++)
        {
            Assert.True(cursor.MoveNext());
            Assert.Equal(row, cursor.Position);
            label(ref key);
            features(ref pixels);
            id(ref rowId);

            Assert.Equal(IdxTestFiles.Labels[row] + 1u, key);
            Assert.True(pixels.IsDense);
            float[] expected = Enumerable.Range(0, 6).Select(i => IdxTestFiles.Pixel(row, i) / 255f).ToArray();
            Assert.Equal(expected, pixels.GetValues().ToArray());
            Assert.Equal(new DataViewRowId((ulong)row, 0), rowId);
        }

        Assert.False(cursor.MoveNext());
        Assert.Equal(-1, cursor.Position);
        Assert.False(cursor.MoveNext());
    }

    [Fact]
    public void FeaturesGetter_LargeEnoughCallerBuffer_IsReused()
    {
        using var cursor = _view.GetRowCursor([Features]);
        var features = cursor.GetGetter<VBuffer<float>>(Features);
        float[] backing = new float[16];
        var pixels = new VBuffer<float>(backing.Length, backing);

        Assert.True(cursor.MoveNext());
        Assert.True(cursor.MoveNext());
        features(ref pixels);

        Assert.Equal(6, pixels.Length);
        Assert.Equal(IdxTestFiles.Pixel(1, 5) / 255f, backing[5]);
    }

    [Fact]
    public void Cursor_LabelOnly_NeverOpensImagesFile()
    {
        using var cursor = _view.GetRowCursor([Label]);
        File.Delete(_files.ImagesPath);
        var label = cursor.GetGetter<uint>(Label);
        var keys = new List<uint>();
        uint key = 0;

        while (cursor.MoveNext())
        {
            label(ref key);
            keys.Add(key);
        }

        Assert.Equal(IdxTestFiles.Labels.Select(l => l + 1u), keys);
        Assert.True(cursor.IsColumnActive(Label));
        Assert.False(cursor.IsColumnActive(Features));
        var ex = Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<VBuffer<float>>(Features));
        Assert.Contains("not active", ex.Message);
    }

    [Fact]
    public void Cursor_NoActiveColumns_StillCountsRows()
    {
        using var cursor = _view.GetRowCursor([]);
        long rows = 0;
        while (cursor.MoveNext())
        {
            rows++;
        }

        Assert.Equal(IdxTestFiles.Count, rows);
    }

    [Fact]
    public void GetGetter_WrongType_ThrowsNamingColumnAndType()
    {
        using var cursor = _view.GetRowCursor(_view.Schema);

        var ex = Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<float>(Label));

        Assert.Contains("'Label'", ex.Message);
        Assert.Contains("uint", ex.Message);
        Assert.Contains("System.Single", ex.Message);
        Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<VBuffer<double>>(Features));
    }

    [Fact]
    public void Getter_BeforeMoveNext_Throws()
    {
        using var cursor = _view.GetRowCursor(_view.Schema);
        var label = cursor.GetGetter<uint>(Label);
        uint key = 0;

        Assert.Throws<InvalidOperationException>(() => label(ref key));
    }

    [Fact]
    public void GetRowCursor_ColumnOfAnotherSchema_Throws()
    {
        var other = new DataViewSchema.Builder();
        other.AddColumn("Other", NumberDataViewType.Single);

        Assert.Throws<ArgumentException>(() => _view.GetRowCursor([other.ToSchema()[0]]));
    }

    [Fact]
    public void Dispose_ClosesFiles()
    {
        var cursor = _view.GetRowCursor(_view.Schema);
        Assert.True(cursor.MoveNext());

        // On Unix .NET maps FileShare to advisory flock locks, so an exclusive open fails while a reader holds the file.
        Assert.Throws<IOException>(() => OpenExclusive(_files.ImagesPath));
        cursor.Dispose();

        Assert.Equal(-1, cursor.Position);
        Assert.False(cursor.MoveNext());
        OpenExclusive(_files.ImagesPath).Dispose();
        OpenExclusive(_files.LabelsPath).Dispose();
    }

    [Fact]
    public void Cursor_FileReplacedWithDifferentHeader_Throws()
    {
        IdxTestFiles.WriteGzip(_files.ImagesPath, IdxTestFiles.ImageBytes(headerCount: 7));

        var ex = Assert.Throws<DatasetFormatException>(() => _view.GetRowCursor(_view.Schema));

        Assert.Contains(_files.ImagesPath, ex.Message);
        Assert.Contains("changed", ex.Message);
    }

    private static FileStream OpenExclusive(string path) => new(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
}
