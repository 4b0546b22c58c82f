namespace HybridSgd.Pipeline.Aggregation;

/// <summary>
/// One published version of the weights. Readers hold it through <see cref="WeightsBoard.Acquire"/> and must
/// give it back with <see cref="WeightsBoard.Release"/>; until then its values never change.
/// </summary>
internal sealed class WeightsSnapshot
{
    internal WeightsSnapshot(int parameterCount) => Values = new float[parameterCount];

    /// <summary>Number of updates applied before this snapshot was published (0 = the initial weights).</summary>
    public long Version { get; internal set; }

    public float[] Values { get; }

    /// <summary>
    /// The step size the aggregator applies right now (the learning rate after any schedule or lowering): what a
    /// worker taking local steps from these weights steps with.
    /// </summary>
    public float LearningRate { get; internal set; }

    internal int Readers { get; set; }
}
