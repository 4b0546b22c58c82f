using HybridSgd.Pipeline.Aggregation;

namespace HybridSgd.Tests.Pipeline;

public sealed class WeightsBoardTests
{
    [Fact]
    public void HeldSnapshot_NeverChanges_WhileNewVersionsArePublished()
    {
        var board = new WeightsBoard([0f, 0f]);
        var held = board.Acquire();
        for (int version = 1; version <= 10; version++)
        {
            board.Publish([version, -version], version);
        }

        Assert.Equal(0, held.Version);
        Assert.Equal([0f, 0f], held.Values);
        board.Release(held);

        var latest = board.Acquire();
        Assert.Equal(10, latest.Version);
        Assert.Equal([10f, -10f], latest.Values);
        board.Release(latest);
    }

    [Fact]
    public void ReleasedSnapshots_AreRecycled()
    {
        var board = new WeightsBoard([0f]);
        var seen = new HashSet<float[]>(ReferenceEqualityComparer.Instance);
        for (int version = 1; version <= 100; version++)
        {
            var snapshot = board.Acquire();
            seen.Add(snapshot.Values);
            board.Release(snapshot);
            board.Publish([version], version);
        }

        Assert.True(seen.Count <= 3, $"{seen.Count} buffers for 100 versions");
    }
}
