using HybridSgd.Host.Compare;

namespace HybridSgd.Tests.Host;

public sealed class ChartYRangeTests
{
    private static readonly ChartRange Twenty = new(0, 20);

    [Fact]
    public void Focus_Accuracy_InitialPointDoesNotFlattenThePlateau()
    {
        var points = Plateau(start: 0.1, plateau: 0.84);

        var range = ChartYRange.Focus([points], [], Twenty, ChartBetter.Higher);

        Assert.InRange(range.Min, 0.8, 0.84);
        Assert.InRange(range.Max, 0.845, 0.86);
        Assert.True(ChartYRange.Clips([points], range));
    }

    [Fact]
    public void Focus_LogLoss_ClipsTheHighEarlyLoss()
    {
        var points = Plateau(start: 2.3, plateau: 0.45);

        var range = ChartYRange.Focus([points], [], Twenty, ChartBetter.Lower);

        Assert.InRange(range.Min, 0.4, 0.45);
        Assert.InRange(range.Max, 0.46, 0.55);
    }

    [Fact]
    public void Focus_IncludesMarkers()
    {
        var range = ChartYRange.Focus([Plateau(0.1, 0.84)], [new ChartMarker("SDCA", 8.4, 0.87)], Twenty, ChartBetter.Higher);

        Assert.True(range.Contains(0.87));
    }

    [Fact]
    public void Focus_AllValuesEqual_HasAPositiveSpan()
    {
        var range = ChartYRange.Focus([[new ChartPoint(5, 0.5, 0), new ChartPoint(10, 0.5, 0)]], [], Twenty, ChartBetter.Higher);

        Assert.True(range.Span > 0);
        Assert.True(range.Contains(0.5));
    }

    [Fact]
    public void Focus_OnlyEarlyPoints_ShowsThemAll()
    {
        var range = ChartYRange.Focus([[new ChartPoint(0, 0.1, 0), new ChartPoint(1, 0.6, 0)]], [], Twenty, ChartBetter.Higher);

        Assert.True(range.Contains(0.1));
        Assert.True(range.Contains(0.6));
    }

    // Rises from start to plateau within ~2 s, then alternates ±0.005 around it; sd 0.005 after t = 0.
    private static List<ChartPoint> Plateau(double start, double plateau) =>
        [.. Enumerable.Range(0, 81).Select(i =>
        {
            double t = i * 0.25;
            double mean = t == 0 ? start : plateau + (start - plateau) * Math.Exp(-t / 0.4) + (i % 2 == 0 ? 0.005 : -0.005) * Math.Sign(plateau - start);
            return new ChartPoint(t, mean, t == 0 ? 0 : 0.005);
        })];
}
