using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

public sealed class DenseDatasetSplitTests
{
    private static float[][] Numbered(int count) => Enumerable.Range(0, count).Select(i => new float[] { i }).ToArray();

    [Fact]
    public void Split_HoldsOutTheFraction_DisjointFromTheRest_InOriginalOrder()
    {
        var rows = TinyData.Rows(Numbered(100), Enumerable.Range(0, 100).Select(i => (float)(i % 3)).ToArray());

        var (kept, held) = rows.Split(0.1, seed: 5);

        Assert.Equal(10, held.Count);
        Assert.Equal(90, kept.Count);
        var keptIds = kept.Features.ToList();
        var heldIds = held.Features.ToList();
        Assert.Empty(keptIds.Intersect(heldIds));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (float)i), keptIds.Concat(heldIds).Order());
        Assert.Equal(heldIds.Order(), heldIds);
        Assert.All(Enumerable.Range(0, held.Count), i => Assert.Equal(held.Features[i] % 3, held.Labels[i]));
    }

    [Fact]
    public void Split_SameSeed_SameSlice_OtherSeed_OtherSlice()
    {
        var rows = TinyData.Rows(Numbered(100), new float[100]);

        Assert.Equal(rows.Split(0.1, 5).HeldOut.Features, rows.Split(0.1, 5).HeldOut.Features);
        Assert.NotEqual(rows.Split(0.1, 5).HeldOut.Features, rows.Split(0.1, 6).HeldOut.Features);
    }

    [Fact]
    public void Split_TinyData_HoldsOutAtLeastOneRow_AndKeepsOne()
    {
        var two = TinyData.Rows(Numbered(2), new float[2]);
        Assert.Equal((1, 1), (two.Split(0.01, 1).Kept.Count, two.Split(0.01, 1).HeldOut.Count));

        var one = TinyData.Rows(Numbered(1), new float[1]);
        Assert.Equal((1, 0), (one.Split(0.5, 1).Kept.Count, one.Split(0.5, 1).HeldOut.Count));
    }

    [Fact]
    public void Split_Zero_KeepsEverything() =>
        Assert.Equal(0, TinyData.Rows(Numbered(10), new float[10]).Split(0, 1).HeldOut.Count);
}
