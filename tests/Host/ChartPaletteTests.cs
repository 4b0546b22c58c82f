using HybridSgd.Host.Compare;
using ScottPlot;

namespace HybridSgd.Tests.Host;

public sealed class ChartPaletteTests
{
    [Theory]
    [InlineData("sync", "#1f6fb4")]
    [InlineData("async", "#e6730b")]
    [InlineData("hybrid", "#2a9d3a")]
    [InlineData("adaptive", "#8c5fc0")]
    [InlineData("ML.NET SDCA", "#d62728")]
    [InlineData("synchronous", "#1f6fb4")]
    public void ColourOf_KnownMethod_IsItsFixedColour(string label, string colour)
    {
        Assert.Equal(Color.FromHex(colour), new ChartPalette().ColourOf(label));
    }

    [Fact]
    public void ColourOf_SecondLabelOfTheSameMethod_LooksDifferent()
    {
        var palette = new ChartPalette();

        var first = palette.ColourOf("sync");
        var second = palette.ColourOf("sync (lr 0.1)");

        Assert.NotEqual(first, second);
        Assert.Equal(first, palette.ColourOf("sync"));
    }
}
