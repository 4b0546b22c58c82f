using HybridSgd.Cluster.Silo;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Cluster;

public sealed class RowShardTests
{
    [Fact]
    public void Of_ThreeShards_AreDisjointCoverEveryRowAndKeepTheirOrder()
    {
        // Row i has label i and feature −i: both travel with the row.
        var rows = TinyData.Rows(Enumerable.Range(0, 10).Select(i => new float[] { -i }).ToArray(), Enumerable.Range(0, 10).Select(i => (float)i).ToArray());

        var shards = Enumerable.Range(0, 3).Select(s => RowShard.Of(rows, s, 3)).ToArray();

        Assert.Equal(new[] { 0f, 3, 6, 9 }, shards[0].Labels);
        Assert.Equal(new[] { 1f, 4, 7 }, shards[1].Labels);
        Assert.Equal(new[] { 2f, 5, 8 }, shards[2].Labels);
        Assert.All(shards, shard => Assert.Equal(shard.Labels.Select(l => -l), shard.Features));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (float)i), shards.SelectMany(s => s.Labels).Order());
    }

    [Fact]
    public void Of_MoreShardsThanRows_Throws()
    {
        var rows = TinyData.Rows([[1f], [2f]], [0f, 1f]);

        Assert.Throws<ArgumentException>(() => RowShard.Of(rows, shard: 2, shards: 3));
    }
}
