using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Tests.Pipeline;

/// <summary>A view read into memory a block at a time, as the service reads a fed file segment by segment.</summary>
public sealed class DenseReaderTests
{
    private static IDataView Rows(MLContext ml, params (float Feature, uint Key)[] rows)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 2);
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), 3);

        // A key member of a class loaded by LoadFromEnumerable is zero-based; key 0 read back is "missing" only
        // through uint.MaxValue + 1 wrapping, so a missing label is written as a NaN feature row instead.
        return ml.Data.LoadFromEnumerable(rows.Select(r => new Row { Features = [r.Feature, -r.Feature], Label = r.Key }).ToList(), schema);
    }

    [Fact]
    public void Read_BlocksOfAtMostTheLimit_CountingEveryRowPassed()
    {
        var ml = new MLContext(1);
        using var reader = new DenseReader(Rows(ml, (0, 0), (1, 1), (2, 2), (3, 0), (4, 1)));

        var first = reader.Read(2);
        var second = reader.Read(2);
        var third = reader.Read(2);

        Assert.Equal([0f, 1f], first.Labels);
        Assert.Equal(2f, second.Row(0)[0]);
        Assert.Equal([2f, 0f], second.Labels);
        Assert.Equal(1, third.Count);
        Assert.Equal(5, reader.Consumed);
        Assert.Equal(0, reader.Read(2).Count);
    }

    [Fact]
    public void Skip_ResumesAfterTheRowsAlreadyTrainedOn()
    {
        var ml = new MLContext(1);
        using var reader = new DenseReader(Rows(ml, (0, 0), (1, 1), (2, 2), (3, 0)));

        Assert.True(reader.Skip(3));
        var rest = reader.Read(10);

        Assert.Equal(3f, Assert.Single(Enumerable.Range(0, rest.Count).Select(i => rest.Row(i)[0])));
        Assert.False(reader.Skip(1));
    }

    [Fact]
    public void Read_RowWithANonFiniteFeature_IsSkippedAndCounted_ButConsumed()
    {
        var ml = new MLContext(1);
        using var reader = new DenseReader(Rows(ml, (0, 0), (float.NaN, 1), (2, 2)));

        var block = reader.Read(3);

        Assert.Equal(2, block.Count);
        Assert.Equal(1, block.SkippedRows);
        Assert.Equal(3, reader.Consumed);
    }

    public sealed class Row
    {
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }
    }
}
