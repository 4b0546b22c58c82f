using HybridSgd.Host.Service.Streaming;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;

namespace HybridSgd.Tests.Service;

public sealed class SegmentBufferTests
{
    [Fact]
    public void ToDataView_RefilledBuffer_HoldsOnlyTheNewRows()
    {
        var ml = new MLContext(1);
        var buffer = new SegmentBuffer(ml, featureCount: 2, classCount: 3);
        Fill(buffer, rows: 5, offset: 0);
        var first = DenseDataset.FromDataView(buffer.ToDataView());
        Assert.Equal(5, first.Count);
        Assert.Equal([0f, 1f, 2f, 0f, 1f], first.Labels);

        Fill(buffer, rows: 3, offset: 100);
        var second = DenseDataset.FromDataView(buffer.ToDataView());
        Assert.Equal(3, second.Count);
        Assert.Equal(100f, second.Row(0)[0]);
        Assert.Equal([0f, 1f, 2f], second.Labels);
    }

    private static void Fill(SegmentBuffer buffer, int rows, int offset)
    {
        buffer.Clear();
        for (int i = 0; i < rows; i++)
        {
            var features = buffer.NextFeatures();
            features[0] = offset + i;
            features[1] = -i;
            buffer.Commit((uint)(i % 3) + 1, float.NaN);
        }
    }
}
