using HybridSgd.Cluster.Server;
using HybridSgd.Pipeline.Aggregation;

namespace HybridSgd.Tests.Cluster;

public sealed class GradientLedgerTests
{
    [Fact]
    public void TryAccept_RepeatedOrOlderSequence_IsRefusedAndCounted()
    {
        var ledger = new GradientLedger();

        Assert.True(ledger.TryAccept(worker: 0, sequence: 0));
        Assert.True(ledger.TryAccept(worker: 1, sequence: 0));
        ledger.RecordApplied(Update(1, (0, 0), (1, 0)));
        Assert.True(ledger.TryAccept(worker: 0, sequence: 1));
        Assert.False(ledger.TryAccept(worker: 0, sequence: 1));
        Assert.False(ledger.TryAccept(worker: 0, sequence: 0));

        var counts = ledger.Counts();
        Assert.Equal(3, counts.Accepted);
        Assert.Equal(2, counts.DuplicatesRefused);
        Assert.Equal(0, counts.Gaps);
    }

    [Fact]
    public void TryAccept_NextMessageBeforeThePreviousIsApplied_Throws()
    {
        var ledger = new GradientLedger();
        ledger.TryAccept(worker: 0, sequence: 0);

        Assert.Throws<InvalidOperationException>(() => ledger.TryAccept(worker: 0, sequence: 1));

        ledger.RecordApplied(Update(1, (0, 0)));
        Assert.True(ledger.TryAccept(worker: 0, sequence: 1));
    }

    [Fact]
    public void TryAccept_SkippedSequences_AreCountedAsGaps()
    {
        var ledger = new GradientLedger();

        ledger.TryAccept(worker: 2, sequence: 0);
        ledger.RecordApplied(Update(1, (2, 0)));
        ledger.TryAccept(worker: 2, sequence: 3);

        Assert.Equal(2, ledger.Counts().Gaps);
    }

    [Fact]
    public void RecordApplied_SameGradientInTwoUpdates_IsADuplicateApplication()
    {
        var ledger = new GradientLedger();

        ledger.RecordApplied(Update(1, (0, 0), (1, 0)));
        ledger.RecordApplied(Update(2, (0, 1), (1, 0)));

        var counts = ledger.Counts();
        Assert.Equal(3, counts.Applied);
        Assert.Equal(1, counts.DuplicateApplications);
    }

    private static AppliedUpdate Update(long version, params (int Worker, long Sequence)[] gradients) =>
        new(version, gradients.Length, gradients, Skipped: false);
}
