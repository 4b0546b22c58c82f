using ScottPlot;
using ScottPlot.TickGenerators;

namespace HybridSgd.Host.Compare;

/// <summary>Draws k(t) of each hybrid method as a step line on an integer axis from 1 to the worker count.</summary>
internal static class ChartThresholdPanel
{
    public static string Title(IReadOnlyList<ThresholdTrace> traces, int workers)
    {
        string methods = string.Join(" and ", traces.Select(t => t.Method));
        return $"Threshold k(t) of {methods} (gradients per update, {workers} worker{(workers == 1 ? "" : "s")})";
    }

    /// <summary>
    /// k runs from 1 to the worker count; a recorded k above it (a misconfigured chart) widens the axis rather
    /// than vanish. Half a step of room at each end keeps the lines at the extremes off the frame.
    /// </summary>
    public static void Draw(Plot plot, IReadOnlyList<ThresholdTrace> traces, int workers, ChartRange x, ChartPalette palette)
    {
        foreach (var trace in traces)
        {
            var steps = Steps(trace, x);
            if (steps.Count == 0)
            {
                continue;
            }

            var line = plot.Add.ScatterLine(steps.Select(s => s.Seconds).ToArray(), steps.Select(s => s.Value).ToArray(), palette.ColourOf(trace.Method));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2;
        }

        int top = Math.Max(workers, traces.SelectMany(t => t.Threshold ?? []).DefaultIfEmpty(1).Max());
        plot.Axes.SetLimits(x.Min, x.Max, 0.5, top + 0.5);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
    }

    /// <summary>The finite changes in time order; the last value holds to the end of the axis.</summary>
    private static List<(double Seconds, double Value)> Steps(ThresholdTrace trace, ChartRange x)
    {
        IReadOnlyList<double> seconds = trace.Seconds ?? [];
        IReadOnlyList<int> threshold = trace.Threshold ?? [];
        var steps = Enumerable.Range(0, Math.Min(seconds.Count, threshold.Count))
            .Where(i => double.IsFinite(seconds[i]))
            .Select(i => (Seconds: seconds[i], Value: (double)threshold[i]))
            .OrderBy(c => c.Seconds)
            .ToList();
        if (steps.Count > 0)
        {
            steps.Add((Math.Max(x.Max, steps[^1].Seconds), steps[^1].Value));
        }

        return steps;
    }
}
