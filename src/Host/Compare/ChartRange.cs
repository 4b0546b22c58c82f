namespace HybridSgd.Host.Compare;

/// <summary>A closed interval of data values on one axis; <see cref="Span"/> is always positive once <see cref="Widened"/>.</summary>
internal readonly record struct ChartRange(double Min, double Max)
{
    public static ChartRange Unit => new(0, 1);

    public double Span => Max - Min;

    public bool Contains(double value) => value >= Min && value <= Max;

    /// <summary>
    /// The same range, or one around its centre when it is empty or degenerate (all values equal), so that
    /// mapping a value never divides by zero.
    /// </summary>
    public ChartRange Widened()
    {
        if (!double.IsFinite(Min) || !double.IsFinite(Max) || Max < Min)
        {
            return Unit;
        }

        double centre = (Min + Max) / 2;
        double smallest = Math.Max(Math.Abs(centre) * 1e-9, 1e-12);
        if (Span > smallest)
        {
            return this;
        }

        double half = Math.Max(Math.Abs(centre) * 0.05, 0.05);
        return new(centre - half, centre + half);
    }

    /// <summary>Grows the range by <paramref name="fraction"/> of its span at each end.</summary>
    public ChartRange Padded(double fraction)
    {
        var widened = Widened();
        double pad = widened.Span * fraction;
        return new(widened.Min - pad, widened.Max + pad);
    }
}
