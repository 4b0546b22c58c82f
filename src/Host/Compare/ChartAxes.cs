namespace HybridSgd.Host.Compare;

/// <summary>Draws a panel's furniture: background and grid (under the data), then frame, ticks, labels and titles (over it).</summary>
internal static class ChartAxes
{
    private const string GridColour = "#e4e4e4";
    private const string AxisColour = "#555555";
    private const string TextColour = "#333333";
    private const double TickLength = 5;

    public static void WriteGrid(ChartSvgBuilder svg, ChartPanel panel)
    {
        var area = panel.Area;
        svg.Empty("rect", ("x", area.Left), ("y", area.Top), ("width", area.Width), ("height", area.Height), ("fill", "#ffffff"));
        svg.Open("g", ("stroke", GridColour), ("stroke-width", "1"));
        foreach (double tick in panel.XTicks.Values)
        {
            double x = panel.X(tick);
            svg.Empty("line", ("x1", x), ("y1", area.Top), ("x2", x), ("y2", area.Bottom));
        }

        foreach (double tick in panel.YTicks.Values)
        {
            double y = panel.Y(tick);
            svg.Empty("line", ("x1", area.Left), ("y1", y), ("x2", area.Right), ("y2", y));
        }

        svg.Close("g");
    }

    public static void WriteFrame(ChartSvgBuilder svg, ChartPanel panel)
    {
        var area = panel.Area;
        svg.Empty("rect", ("x", area.Left), ("y", area.Top), ("width", area.Width), ("height", area.Height),
            ("fill", "none"), ("stroke", AxisColour), ("stroke-width", "1"));

        svg.Open("g", ("stroke", AxisColour), ("stroke-width", "1"));
        foreach (double tick in panel.XTicks.Values)
        {
            double x = panel.X(tick);
            svg.Empty("line", ("x1", x), ("y1", area.Bottom), ("x2", x), ("y2", area.Bottom + TickLength));
        }

        foreach (double tick in panel.YTicks.Values)
        {
            double y = panel.Y(tick);
            svg.Empty("line", ("x1", area.Left - TickLength), ("y1", y), ("x2", area.Left), ("y2", y));
        }

        svg.Close("g");

        svg.Open("g", ("font-size", "11"), ("fill", TextColour));
        foreach (double tick in panel.XTicks.Values)
        {
            svg.Text("text", panel.XTicks.Label(tick), ("x", panel.X(tick)), ("y", area.Bottom + TickLength + 12), ("text-anchor", "middle"));
        }

        foreach (double tick in panel.YTicks.Values)
        {
            svg.Text("text", panel.YTicks.Label(tick), ("x", area.Left - TickLength - 3), ("y", panel.Y(tick) + 4), ("text-anchor", "end"));
        }

        svg.Close("g");

        double middle = area.Top + area.Height / 2;
        double titleX = area.Left - ChartLayout.AxisTitleInset;
        svg.Text("text", panel.AxisTitle, ("x", titleX), ("y", middle), ("text-anchor", "middle"), ("font-size", "12"),
            ("fill", TextColour), ("transform", $"rotate(-90 {ChartFormat.Number(titleX)} {ChartFormat.Number(middle)})"));
        svg.Text("text", panel.Title, ("x", area.Left), ("y", area.Top - 9), ("font-size", "14"), ("font-weight", "bold"), ("fill", TextColour));
        if (panel.Note.Length > 0)
        {
            svg.Text("text", panel.Note, ("x", area.Right), ("y", area.Top - 9), ("text-anchor", "end"), ("font-size", "11"),
                ("font-style", "italic"), ("fill", "#777777"));
        }
    }
}
