using HybridSgd.Datasets;
using HybridSgd.Datasets.Tabular;
using HybridSgd.Datasets.Tabular.Text.Utf8;
using Microsoft.ML;

namespace HybridSgd.Tests.Datasets.Tabular;

/// <summary>
/// The service's one-pass reader: a bad line fails the segment it is in, named by file, line and column, before any
/// row of that segment is handed out; earlier segments were read; a stop reaches the parser; resuming skips rows.
/// </summary>
public sealed class SegmentReaderTests : IDisposable
{
    private readonly TabularFiles _files = new();
    private readonly MLContext _ml = new(seed: 1);

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("7,x1,1", "'x1' is not a number", "column 'b'")]
    [InlineData("7,1", "line 1006 has 2 fields, the header has 3", null)]
    [InlineData("7,\"1,1", "opens a quote that is not closed", null)]
    [InlineData("7,1,5", "label '5' was not in the training data", "column 'label'")]
    [InlineData("7,1,", "the label is empty", "column 'label'")]
    public void Read_BadLine_FailsItsSegmentNamingFileLineAndColumn(string badRow, string problem, string? column)
    {
        var spec = Spec();
        var rows = GoodRows(2000).ToList();
        rows.Insert(1004, badRow);
        string path = _files.WriteText("bad.csv", "a,b,label\n" + string.Join('\n', rows) + "\n");
        using var reader = new SegmentReaders(_ml, spec).Open(path, CancellationToken.None);

        Assert.Equal(1000, reader.Read(1000).Count);
        var error = Assert.Throws<DatasetFormatException>(() => reader.Read(1000));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(1006, error.Line);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 1006", error.Message, StringComparison.Ordinal);
        if (column is not null)
        {
            Assert.Contains(column, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_HeaderOnly_SaysTheFileHasNoRows()
    {
        string path = _files.WriteText("empty.csv", "a,b,label\n");
        using var reader = new SegmentReaders(_ml, Spec()).Open(path, CancellationToken.None);

        Assert.Contains("no data rows", Assert.Throws<DatasetFormatException>(() => reader.Read(100)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Cancelled_StopsInsteadOfParsing()
    {
        string path = _files.WriteText("big.csv", "a,b,label\n" + string.Join('\n', GoodRows(50_000)) + "\n");
        using var cancelled = new CancellationTokenSource();
        using var reader = new SegmentReaders(_ml, Spec()).Open(path, cancelled.Token);
        Assert.IsType<DelimitedSegmentReader>(reader);
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => reader.Read(50_000));
    }

    [Fact]
    public void Skip_ThenRead_ContinuesAfterTheSkippedRows()
    {
        var spec = Spec();
        string path = _files.WriteText("resume.csv", "a,b,label\n\n" + string.Join('\n', GoodRows(3000)) + "\n");
        using var whole = new SegmentReaders(_ml, spec).Open(path, CancellationToken.None);
        var all = whole.Read(3000);
        using var resumed = new SegmentReaders(_ml, spec).Open(path, CancellationToken.None);

        Assert.True(resumed.Skip(2500));
        var rest = resumed.Read(1000);

        Assert.Equal(500, rest.Count);
        Assert.Equal(all.Features.AsSpan(2500 * all.FeatureCount).ToArray(), rest.Features);
        Assert.Equal(3000, resumed.Consumed);
        Assert.False(resumed.Skip(1));
    }

    [Fact]
    public void Read_FilesOneAfterAnother_EachGetsItsOwnRowsThoughTheMatricesAreHandedOn()
    {
        // The readers of one SegmentReaders pass their segment matrices on: a later file, with other values and a
        // shorter last segment, must read exactly what a reader of its own reads.
        var spec = Spec();
        string first = _files.WriteText("first.csv", "a,b,label\n" + string.Join('\n', GoodRows(2500)) + "\n");
        string second = _files.WriteText("second.csv", "a,b,label\n" + string.Join('\n', GoodRows(2300).Reverse()) + "\n");
        var shared = new SegmentReaders(_ml, spec);
        var secondAlone = ReadAll(new SegmentReaders(_ml, spec), second);

        var firstShared = ReadAll(shared, first);
        var secondShared = ReadAll(shared, second);

        Assert.Equal(ReadAll(new SegmentReaders(_ml, spec), first), firstShared);
        Assert.Equal(secondAlone, secondShared);
        Assert.Equal(2300 * spec.FeatureCount, secondShared.Count);
    }

    /// <summary>Every feature of the file, segment by segment of 1,000 rows, copied out before the next read.</summary>
    private static List<float> ReadAll(SegmentReaders readers, string path)
    {
        var values = new List<float>();
        using var reader = readers.Open(path, CancellationToken.None);
        for (var segment = reader.Read(1000); segment.Count > 0; segment = reader.Read(1000))
        {
            values.AddRange(segment.Features);
        }

        return values;
    }

    private TabularSpec Spec()
    {
        string path = _files.WriteText("schema.csv", "a,b,label\n" + string.Join('\n', GoodRows(200)) + "\n");
        return TabularDataset.Load(_ml, path, null, new TabularOptions { Label = "label" }, 0.2, seed: 1).Spec;
    }

    private static IEnumerable<string> GoodRows(int count) => Enumerable.Range(0, count).Select(i => $"{i % 7},{(i % 11) * 0.5},{i % 2}");
}
