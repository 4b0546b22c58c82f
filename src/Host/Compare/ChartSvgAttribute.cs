namespace HybridSgd.Host.Compare;

/// <summary>One attribute of an SVG element; a double value is formatted through <see cref="ChartFormat.Number"/>.</summary>
internal readonly record struct ChartSvgAttribute(string Name, string Value)
{
    public static implicit operator ChartSvgAttribute((string Name, string Value) attribute) =>
        new(attribute.Name, attribute.Value);

    public static implicit operator ChartSvgAttribute((string Name, double Value) attribute) =>
        new(attribute.Name, ChartFormat.Number(attribute.Value));
}
