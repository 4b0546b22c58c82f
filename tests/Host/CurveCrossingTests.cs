using HybridSgd.Host.Compare;
using HybridSgd.Pipeline.Evaluation;

namespace HybridSgd.Tests.Host;

/// <summary>The time a sampled learning curve crossed a score: interpolated, not the next sample's time.</summary>
public sealed class CurveCrossingTests
{
    private static CurvePoint At(double seconds, double? accuracy) => new(seconds, 0, 0, 1, accuracy, 0.5);

    [Fact]
    public void Crossing_BetweenTwoSamples_IsInterpolated()
    {
        var curve = new[] { At(0, 0.1), At(0.5, 0.80), At(1.0, 0.85) };

        // 0.84 is four fifths of the way from 0.80 to 0.85.
        Assert.Equal(0.9, CurveCrossing.Seconds(curve, 0.84)!.Value, 9);
    }

    [Fact]
    public void FirstSampleAlreadyAbove_IsItsTime_AndNeverReached_IsNull()
    {
        var curve = new[] { At(0.2, 0.9), At(0.7, 0.95) };

        Assert.Equal(0.2, CurveCrossing.Seconds(curve, 0.84));
        Assert.Null(CurveCrossing.Seconds(curve, 0.99));
    }

    [Fact]
    public void SamplesWithoutAScore_AreSkipped_AndADipBeforeTheCrossingIsTheStart()
    {
        var curve = new[] { At(0, 0.83), At(0.5, null), At(1.0, 0.82), At(1.5, 0.86) };

        // Interpolated from the last scored sample below the target (0.82 at 1.0 s), half-way to 0.86.
        Assert.Equal(1.25, CurveCrossing.Seconds(curve, 0.84)!.Value, 9);
    }
}
