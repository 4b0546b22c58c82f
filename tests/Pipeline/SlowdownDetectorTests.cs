using HybridSgd.Pipeline.Training.Convergence;

namespace HybridSgd.Tests.Pipeline;

/// <summary>The slowdown rule on synthetic validation curves, checked every 1,000 examples from 2.3 (an untrained softmax).</summary>
public sealed class SlowdownDetectorTests
{
    private static List<long> SlowdownsOn(Func<long, double> curve, long until, SlowdownDetector? detector = null)
    {
        detector ??= new SlowdownDetector(tolerance: 0.05, minimumChecks: 3);
        detector.Observe(0, 2.3);
        var at = new List<long>();
        for (long examples = 1_000; examples <= until; examples += 1_000)
        {
            if (detector.Observe(examples, curve(examples)) is not null)
            {
                at.Add(examples);
            }
        }

        return at;
    }

    [Fact]
    public void FastProgress_OfTwentyPercentPerDoubling_NeverSlows() =>
        Assert.Empty(SlowdownsOn(e => 2.3 * Math.Pow(0.8, Math.Log2(e / 1_000.0)), until: 1_000_000));

    [Fact]
    public void ProgressOfThreePercentPerDoubling_SlowsAtMostOncePerDoubling()
    {
        // Slower than the 5 % tolerance, not yet flat: a slowdown, but k steps no faster than the examples double.
        var at = SlowdownsOn(e => 0.5 * Math.Pow(0.97, Math.Log2(e / 1_000.0)), until: 256_000);

        Assert.Equal(6_000, at[0]); // at the check after the second half holds three, as the plateau rule
        Assert.All(at.Zip(at.Skip(1)), pair => Assert.True(pair.Second >= 2 * pair.First, $"{pair.First} then {pair.Second}"));
        Assert.InRange(at.Count, 5, 7); // 6,000 → 256,000 is under six doublings
    }

    [Fact]
    public void FlatStretch_RightAfterASlowdown_IsNotASecondOne()
    {
        // 30 % better per doubling up to 64,000 examples, then flat: one slowdown there, the next only at twice it.
        var at = SlowdownsOn(e => 2.3 * Math.Pow(0.7, Math.Log2(Math.Min(e, 64_000) / 1_000.0)), until: 300_000);

        Assert.True(at.Count >= 2, string.Join(", ", at));
        Assert.InRange(at[0], 70_000, 140_000);
        Assert.True(at[1] >= 2 * at[0]);
    }

    [Fact]
    public void Restart_JudgesAfresh_AndMayFireAtOnce()
    {
        var detector = new SlowdownDetector(tolerance: 0.05, minimumChecks: 3);
        var first = SlowdownsOn(_ => 0.5, until: 9_000, detector);
        Assert.Equal([6_000], first); // flat, but the next needs 12,000 examples

        detector.Restart(10_000);
        var afterRestart = new List<long>();
        for (long examples = 11_000; examples <= 17_000; examples += 1_000)
        {
            if (detector.Observe(examples, 0.5) is not null)
            {
                afterRestart.Add(examples);
            }
        }

        // At 15,000 the halves are 11,000–12,000 and 13,000–15,000: three checks after the middle (12,500); at 16,000
        // the rule holds again.
        Assert.Equal([16_000], afterRestart);
    }
}
