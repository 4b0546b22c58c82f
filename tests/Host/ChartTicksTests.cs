using HybridSgd.Host.Compare;

namespace HybridSgd.Tests.Host;

public sealed class ChartTicksTests
{
    [Fact]
    public void Nice_ZeroToTwenty_StepsByFive()
    {
        var ticks = ChartTicks.Nice(0, 20);

        Assert.Equal(5, ticks.Step);
        Assert.Equal([0, 5, 10, 15, 20], ticks.Values);
        Assert.Equal(["0", "5", "10", "15", "20"], ticks.Values.Select(ticks.Label));
    }

    [Fact]
    public void Nice_AccuracyPlateau_StepsByTwoHundredthsAndKeepsBothEnds()
    {
        var ticks = ChartTicks.Nice(0.78, 0.86);

        Assert.Equal(0.02, ticks.Step, 12);
        Assert.Equal([0.78, 0.80, 0.82, 0.84, 0.86], ticks.Values);
        Assert.Equal(["0.78", "0.80", "0.82", "0.84", "0.86"], ticks.Values.Select(ticks.Label));
    }

    [Theory]
    [InlineData(0, 1, 0.2)]
    [InlineData(0.43, 2.41, 0.5)]
    [InlineData(-3, 7, 2)]
    [InlineData(0, 1234, 500)]
    [InlineData(0.8312, 0.8461, 0.005)]
    public void Nice_PicksOneTwoOrFiveTimesAPowerOfTen(double min, double max, double step)
    {
        var ticks = ChartTicks.Nice(min, max);

        Assert.Equal(step, ticks.Step, 12);
        Assert.InRange(ticks.Values.Count, 2, 6);
        Assert.All(ticks.Values, v => Assert.InRange(v, min - 1e-12, max + 1e-12));
    }

    [Fact]
    public void Nice_IntegerAxis_NeverStepsBelowOne()
    {
        var ticks = ChartTicks.Nice(1, 4, minStep: 1);

        Assert.Equal([1, 2, 3, 4], ticks.Values);
        Assert.Equal(0, ticks.Decimals);
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(double.NaN, 1)]
    [InlineData(3, 1)]
    public void Nice_DegenerateRange_StillGivesTicks(double min, double max)
    {
        var ticks = ChartTicks.Nice(min, max);

        Assert.NotEmpty(ticks.Values);
        Assert.All(ticks.Values, v => Assert.True(double.IsFinite(v)));
    }
}
