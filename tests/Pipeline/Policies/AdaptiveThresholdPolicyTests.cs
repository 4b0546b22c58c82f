using HybridSgd.Pipeline.Policies;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline.Policies;

/// <summary>
/// The adaptive policy given scripted signals. Windows are a quarter of the examples seen so far (at least 4096), so
/// each <c>Run</c> of a few times the examples before it spans several windows.
/// </summary>
public sealed class AdaptiveThresholdPolicyTests
{
    private const int Workers = 4;

    /// <summary>A power-law learning curve: ~6 % better per window (a quarter of the examples so far), far from a plateau.</summary>
    private static double Improving(long examples) => 2 * Math.Pow(Math.Max(1, examples) / 1_000.0, -0.3);

    /// <summary>~1.5 % better per window: slowing down (under 2 × the 1 % plateau tolerance), not a plateau yet.</summary>
    private static double Slowing(long examples) => 2 * Math.Pow(Math.Max(1, examples) / 1_000.0, -0.068);

    private static (AdaptiveThresholdPolicy Policy, ScriptedSignals Script) Start()
    {
        var policy = new AdaptiveThresholdPolicy();
        var script = new ScriptedSignals(policy, Workers);
        script.Start();
        return (policy, script);
    }

    [Fact]
    public void Start_IsAsynchronous_AndNotSettled()
    {
        var (_, script) = Start();
        Assert.Equal(1, script.Threshold);
        Assert.False(script.Last.Settled);
    }

    [Fact]
    public void SmallNoiseScale_AndImprovingLoss_StaysAsynchronous()
    {
        var (_, script) = Start();
        script.Run(2_000_000, Improving, noiseScale: 64);

        Assert.Equal(1, script.Threshold);
        Assert.Empty(script.Changes);
    }

    [Fact]
    public void LargeNoiseScale_WhileTheLossStillFallsFast_StaysAsynchronous()
    {
        // Bigger updates would be better steps, but many small steps still buy more: no raise yet.
        var (_, script) = Start();
        script.Run(2_000_000, Improving, noiseScale: 8000);

        Assert.Equal(1, script.Threshold);
    }

    [Fact]
    public void GrowingNoiseScale_AsTheLossSlows_RaisesKOneStepAtATime_ToTheWorkers()
    {
        var (_, script) = Start();
        foreach (double noise in new[] { 64.0, 300, 600, 1000, 2000, 4000 })
        {
            script.Run(100_000, Slowing, noise);
        }

        Assert.Equal([2, 3, 4], script.Changes.Select(c => c.Threshold));
        Assert.All(script.Changes, c => Assert.Equal(ThresholdReason.NoiseScale, c.Reason));
        Assert.True(script.Last.Settled);

        // The evidence names what was measured: a noise scale above 2 × k × 64 examples per step.
        var first = script.Changes[0].Evidence!;
        Assert.Equal(64, first.ExamplesPerStep);
        Assert.True(first.NoiseScale > 2 * 1 * 64, $"noise scale {first.NoiseScale}");
    }

    [Fact]
    public void Plateau_RaisesK_EvenWithSmallNoise()
    {
        var (_, script) = Start();
        script.Run(50_000, Improving, noiseScale: 64);
        Assert.Equal(1, script.Threshold);
        script.Run(400_000, 1.0, noiseScale: 64); // the loss no longer moves

        Assert.Contains(script.Changes, c => c.Reason == ThresholdReason.Plateau);
        Assert.Equal(Workers, script.Threshold);
    }

    [Fact]
    public void FlatLoss_ThatScattersMoreThanTheToleranceBetweenMinibatches_IsNoPlateau()
    {
        // The same flat mean loss as above, but each update's gradients are 0.3 above or below it: a window of a few
        // hundred minibatches cannot tell a 1 % slowdown from that scatter, so k stays (measured in the benchmark:
        // such windows raised k by chance within the first second). Only a long window can: here the scatter's
        // standard error falls under the tolerance after about 20,000 minibatches.
        var (_, script) = Start();
        script.Run(50_000, Improving, noiseScale: 64);
        script.Run(200_000, Scattered, noiseScale: 64);
        Assert.Equal(1, script.Threshold);

        script.Run(20_000_000, Scattered, noiseScale: 64);
        Assert.Contains(script.Changes, c => c.Reason == ThresholdReason.Plateau);

        static double Scattered(long examples) => (examples / (Workers * ScriptedSignals.ExamplesPerStep)) % 2 == 0 ? 1.3 : 0.7;
    }

    [Fact]
    public void RaiseThatMakesTheLossWorse_IsRolledBack_AndHeld()
    {
        var (_, script) = Start();
        script.Run(40_000, Improving, noiseScale: 64);
        Assert.Equal(1, script.Threshold);

        // The noise scale asks for k = 2 as the loss slows; the window after the raise is worse.
        for (int i = 0; i < 1_000 && script.Threshold == 1; i++)
        {
            script.Run(256, Slowing, noiseScale: 1000);
        }

        Assert.Equal(2, script.Threshold);

        long raisedAt = script.Examples;
        for (int i = 0; i < 4_000 && !script.Changes.Any(c => c.Reason == ThresholdReason.Rollback); i++)
        {
            script.Run(256, e => e > raisedAt ? 1.5 : Slowing(e), noiseScale: 1000);
        }

        var rollback = Assert.Single(script.Changes, c => c.Reason == ThresholdReason.Rollback);
        Assert.Equal(1, rollback.Threshold);
        Assert.Equal(1, script.Threshold);

        // Held below the cap during the cool-down, which counts as settled: the policy chose this k.
        Assert.True(script.Last.Settled);
    }

    [Fact]
    public void NoiseScaleDip_WhileTheLossImproves_DoesNotLowerK()
    {
        var (_, script) = Start();
        script.Run(400_000, Slowing, noiseScale: 8000);
        Assert.Equal(Workers, script.Threshold);

        script.Run(400_000, Improving, noiseScale: 64); // hysteresis: a lower noise scale alone moves nothing

        Assert.Equal(Workers, script.Threshold);
    }

    [Fact]
    public void LossGettingWorse_WithANoiseScaleFarBelowK_LowersK()
    {
        var (_, script) = Start();
        script.Run(400_000, Slowing, noiseScale: 8000);
        Assert.Equal(Workers, script.Threshold);

        // The data changed (a stream): the loss climbs and the gradient dominates its noise again.
        long shift = script.Examples;
        script.Run(800_000, e => 1 + ((e - shift) / 100_000.0), noiseScale: 16);

        Assert.True(script.Threshold < Workers);
        Assert.Equal(ThresholdReason.NoiseScale, script.Changes[^1].Reason);
    }

    [Fact]
    public void Straggler_CapsK_AndIsReadmittedWhenItCatchesUp()
    {
        var (_, script) = Start();
        script.Run(400_000, Slowing, noiseScale: 8000);
        Assert.Equal(Workers, script.Threshold);

        script.WorkSeconds[3] = 0.004; // four times slower than the others
        script.Run(200_000, Slowing, noiseScale: 8000);

        Assert.Equal(Workers - 1, script.Threshold);
        Assert.Contains(script.Changes, c => c.Reason == ThresholdReason.Stragglers && c.Evidence!.FastWorkers == 3);
        Assert.True(script.Last.Settled); // at the cap that the pace allows

        script.WorkSeconds[3] = 0.0016; // 1.6×: no longer past 2×, but not back under 1.5× (hysteresis)
        script.Run(400_000, Slowing, noiseScale: 8000);
        Assert.Equal(Workers - 1, script.Threshold);

        script.WorkSeconds[3] = 0.001;
        script.Run(800_000, Slowing, noiseScale: 8000);
        Assert.Equal(Workers, script.Threshold);
    }

    [Fact]
    public void ValidationPlateau_SendsKToTheCap_AndSettles()
    {
        var (_, script) = Start();
        script.Run(200_000, Improving, noiseScale: 64);
        Assert.Equal(1, script.Threshold);

        script.Run(1_000, Improving, noiseScale: 64, validationPlateau: true);

        Assert.Equal(Workers, script.Threshold);
        Assert.Equal(ThresholdReason.ValidationPlateau, script.Changes[^1].Reason);
        Assert.True(script.Last.Settled);
    }

    [Fact]
    public void ValidationSlowdown_WithACap_RaisesKOneStep_WhileTheProgressiveLossStillImproves()
    {
        var (_, script) = Start();
        script.Horizon = 1_000_000_000; // a cap far enough away that the end floor stays at 1
        script.Run(200_000, Improving, noiseScale: 64);
        Assert.Equal(1, script.Threshold);

        script.Run(1_000, Improving, noiseScale: 64, validationSlowdown: true);
        Assert.Equal(2, script.Threshold);
        Assert.Equal(ThresholdReason.ValidationSlowdown, script.Changes[^1].Reason);
        Assert.False(script.Last.Settled);

        // No raise is on trial (nothing to roll back), and fast progress asks for no more.
        script.Run(400_000, Improving, noiseScale: 64);
        Assert.Equal(2, script.Threshold);

        script.Run(1_000, Improving, noiseScale: 64, validationSlowdown: true);
        script.Run(1_000, Improving, noiseScale: 64, validationPlateau: true);
        Assert.Equal([2, 3, Workers], script.Changes.Select(c => c.Threshold));
        Assert.True(script.Last.Settled);

        // After the plateau a slowdown moves nothing.
        script.Run(1_000, Improving, noiseScale: 64, validationSlowdown: true);
        Assert.Equal(Workers, script.Threshold);
    }

    [Fact]
    public void ValidationSlowdown_WithNoCap_LeavesKToThePlateau()
    {
        // The converged stop judges progress per example, which bigger updates slow: there a slowdown moves nothing.
        var (_, script) = Start();
        script.Run(200_000, Improving, noiseScale: 64);
        script.Run(1_000, Improving, noiseScale: 64, validationSlowdown: true);
        Assert.Equal(1, script.Threshold);

        script.Run(1_000, Improving, noiseScale: 64, validationPlateau: true);
        Assert.Equal(Workers, script.Threshold);
    }

    [Fact]
    public void ValidationSlowdown_NeverRaisesKPastTheFastWorkers()
    {
        var (_, script) = Start();
        script.Horizon = 1_000_000_000;
        script.WorkSeconds[3] = 0.01; // a straggler: the cap is three
        script.Run(200_000, Improving, noiseScale: 64);
        for (int i = 0; i < 4; i++)
        {
            script.Run(1_000, Improving, noiseScale: 64, validationSlowdown: true);
        }

        Assert.Equal(Workers - 1, script.Threshold);
    }

    [Fact]
    public void SameSignals_SameDecisions()
    {
        static int[] Trace()
        {
            var (_, script) = Start();
            foreach (double noise in new[] { 64.0, 500, 64, 900, 3000 })
            {
                script.Run(60_000, Improving, noise);
            }

            return script.Changes.Select(c => c.Threshold).ToArray();
        }

        Assert.Equal(Trace(), Trace());
    }

    [Fact]
    public void LossStillFallingFast_WithACap_IsSynchronousFromSettleEnd()
    {
        // The MLP under a slow network: the loss falls too fast for any raise, but the budget's end is known. From a
        // quarter of the cap k is at least a linear ramp, the workers from half of it: the run ends synchronous.
        var (_, script) = Start();
        script.Horizon = 2_000_000;
        script.Run(480_000, Improving, noiseScale: 64);
        Assert.Equal(1, script.Threshold);

        script.Run(520_000, Improving, noiseScale: 64);

        Assert.Equal([2, 3, 4], script.Changes.Select(c => c.Threshold));
        Assert.All(script.Changes, c => Assert.Equal(ThresholdReason.NearingEnd, c.Reason));
        Assert.True(script.Last.Settled);

        script.Run(1_000_000, Improving, noiseScale: 64);
        Assert.Equal(Workers, script.Threshold);
    }

    [Fact]
    public void StreamRamp_ThatTrainingOutlives_IsNoEnd()
    {
        // A service's progress reaches 1 at its ramp length and training goes on: not a reason to settle.
        var (_, script) = Start();
        script.Horizon = 100_000;
        script.HorizonEndsRun = false;
        script.Run(1_000_000, Improving, noiseScale: 64);

        Assert.Equal(1, script.Threshold);
        Assert.Empty(script.Changes);
    }

    [Fact]
    public void LossGettingWorse_PastSettleEnd_DoesNotLowerK()
    {
        var (_, script) = Start();
        script.Horizon = 4_000_000;
        script.Run(1_400_000, Slowing, noiseScale: 8000); // the noise scale has raised k to the workers by now
        Assert.Equal(Workers, script.Threshold);

        // Past half of the cap the floor is the workers: a loss that gets worse lowers nothing.
        long shift = script.Examples;
        script.Run(2_000_000, e => e < 2_000_000 ? Slowing(e) : 1 + ((e - shift) / 100_000.0), noiseScale: 16);

        Assert.Equal(Workers, script.Threshold);
    }
}
