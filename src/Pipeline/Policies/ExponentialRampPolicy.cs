namespace HybridSgd.Pipeline.Policies;

/// <summary>k = N^along: stays near asynchronous longer, then climbs quickly to N.</summary>
internal sealed class ExponentialRampPolicy(double start, double end) : RampPolicy(start, end)
{
    public override string Describe() => $"exponential({Start:0.###}-{End:0.###})";

    protected override double Curve(double along, int workerCount) => Math.Pow(workerCount, along);
}
