namespace HybridSgd.Pipeline.Policies;

/// <summary>k rises linearly from 1 to N across the ramp.</summary>
internal sealed class LinearRampPolicy(double start, double end) : RampPolicy(start, end)
{
    public override string Describe() => $"linear({Start:0.###}-{End:0.###})";

    protected override double Curve(double along, int workerCount) => 1 + ((workerCount - 1) * along);
}
