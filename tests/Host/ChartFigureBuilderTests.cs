using HybridSgd.Host.Compare;
using ScottPlot;
using ScottPlot.Plottables;

namespace HybridSgd.Tests.Host;

/// <summary>The figure as ScottPlot objects, before any pixel is drawn: panels, legend, colours and axis ranges.</summary>
public sealed class ChartFigureBuilderTests
{
    [Fact]
    public void Build_RealisticChart_StacksAHeaderAndThreePanelsOnOneSecondsAxis()
    {
        var plots = new ChartFigureBuilder(ChartExampleData.Realistic()).Build().GetPlots();

        Assert.Equal(4, plots.Length);
        Assert.Equal(["Test accuracy", "Test log-loss", "Threshold k(t) of hybrid (gradients per update, 4 workers)"],
            plots.Skip(1).Select(p => p.Axes.Title.Label.Text));
        var x = plots.Skip(1).Select(p => (p.Axes.GetLimits().Left, p.Axes.GetLimits().Right)).Distinct().Single();
        Assert.Equal(0, x.Left);
        Assert.InRange(x.Right, 20, 20.5);
    }

    [Fact]
    public void Build_NoThresholds_LeavesTheThresholdPanelOut()
    {
        var chart = ChartExampleData.Realistic() with { Thresholds = [] };

        var plots = new ChartFigureBuilder(chart).Build().GetPlots();

        Assert.Equal(3, plots.Length);
        Assert.Equal("seconds (wall clock)", plots[^1].Axes.Bottom.Label.Text);
    }

    [Fact]
    public void Build_Legend_ListsEachSeriesThenEachBaselineOnce()
    {
        var header = new ChartFigureBuilder(ChartExampleData.Realistic()).Build().GetPlot(0);

        Assert.Equal(["sync", "async", "hybrid", "ML.NET SDCA"], header.Legend.ManualItems.Select(i => i.LabelText));
        Assert.Equal(MarkerShape.FilledDiamond, header.Legend.ManualItems[^1].MarkerShape);
    }

    [Fact]
    public void Build_SameMethod_HasTheSameColourInBothMetricPanels_AndMethodsDiffer()
    {
        var plots = new ChartFigureBuilder(ChartExampleData.Realistic()).Build().GetPlots();

        var accuracy = LineColours(plots[1]);
        var logLoss = LineColours(plots[2]);

        Assert.Equal(accuracy, logLoss);
        Assert.Equal(3, accuracy.Distinct().Count());
        Assert.Equal(Color.FromHex("#1f6fb4"), accuracy[0]);
    }

    [Fact]
    public void Build_AccuracyPanel_ZoomsOnThePlateauAndSaysSo()
    {
        var accuracy = new ChartFigureBuilder(ChartExampleData.Realistic()).Build().GetPlot(1);

        var limits = accuracy.Axes.GetLimits();
        // Every curve starts at 0.1; the axis shows the plateau around 0.84, with SDCA's 0.840 inside it.
        Assert.InRange(limits.Bottom, 0.75, 0.83);
        Assert.InRange(limits.Top, 0.845, 0.87);
        Assert.Equal("zoomed: early, lower values are off-scale", accuracy.Axes.Top.Label.Text);
    }

    [Fact]
    public void Build_ThresholdAboveWorkers_WidensTheKAxisInsteadOfHidingIt()
    {
        var chart = new ComparisonChart("k", [], [], [], [], [new ThresholdTrace([0, 1], [1, 3])], Workers: 2);

        var limits = new ChartFigureBuilder(chart).Build().GetPlot(3).Axes.GetLimits();

        Assert.Equal(0.5, limits.Bottom);
        Assert.Equal(3.5, limits.Top);
    }

    private static List<Color> LineColours(Plot plot) =>
        [.. plot.GetPlottables().OfType<Scatter>().Select(s => s.LineColor)];
}
