namespace HybridSgd.Host.Compare;

/// <summary>A single (time, value) result, e.g. ML.NET SDCA's final accuracy and how long it took.</summary>
public sealed record ChartMarker(string Label, double Seconds, double Value);
