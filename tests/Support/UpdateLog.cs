using System.Collections.Concurrent;
using HybridSgd.Pipeline.Aggregation;

namespace HybridSgd.Tests.Support;

/// <summary>Records every update the aggregator applies, to check that no gradient is lost or applied twice.</summary>
internal sealed class UpdateLog
{
    private readonly ConcurrentQueue<AppliedUpdate> _updates = new();

    public void Record(AppliedUpdate update) => _updates.Enqueue(update);

    public IReadOnlyList<AppliedUpdate> Updates => _updates.ToArray();

    public int GradientCount => Updates.Sum(u => u.Gradients.Count);

    public void AssertEachGradientAppliedOnce()
    {
        var all = Updates.SelectMany(u => u.Gradients).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());

        // Per worker, sequences are 0..n-1 with no gap: a gap would be a gradient computed but never applied.
        foreach (var worker in all.GroupBy(g => g.Worker))
        {
            var sequences = worker.Select(g => g.Sequence).Order().ToList();
            Assert.Equal(Enumerable.Range(0, sequences.Count).Select(i => (long)i), sequences);
        }
    }
}
