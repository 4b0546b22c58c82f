namespace HybridSgd.Cluster.Contracts;

/// <summary>
/// What a parameter-server grain is started with: the initial weights, the update rule and the threshold
/// schedule. Checked by <see cref="Validate"/> before anything is built, so a bad job fails at its start.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("HybridSgd.Cluster.JobSpec")]
public sealed record JobSpec
{
    /// <summary>The most workers, over all silos, that may ever register (ids are never reused).</summary>
    [Id(0)]
    public int MaxWorkers { get; init; }

    [Id(1)]
    public float LearningRate { get; init; }

    [Id(2)]
    public float L2 { get; init; }

    [Id(3)]
    public ClusterSchedule Schedule { get; init; } = ClusterSchedule.Adaptive;

    /// <summary>Little-endian float32 initial weights (see <see cref="FloatPayload"/>); their count is the model's parameter count.</summary>
    [Id(4)]
    public byte[] InitialWeights { get; init; } = [];

    /// <summary>Whole batches of k the aggregator's batch block may hold (its bounded capacity is k × this).</summary>
    [Id(5)]
    public int BufferedBatches { get; init; } = 2;

    /// <summary>
    /// Examples the whole job means to train on (every silo's shard × the epochs): the horizon of its progress, which
    /// the learning-rate decay follows. Null: no horizon, so no decay.
    /// </summary>
    [Id(6)]
    public long? PlannedExamples { get; init; }

    [Id(7)]
    public ClusterDecay Decay { get; init; } = ClusterDecay.None;

    /// <summary>With a decay, the fraction of the learning rate left at the end of the planned examples.</summary>
    [Id(8)]
    public float FinalLearningRateFraction { get; init; } = 0.05f;

    public int ParameterCount => InitialWeights.Length / sizeof(float);

    /// <summary>Throws naming the first field that cannot make a job.</summary>
    public void Validate()
    {
        if (MaxWorkers is < 1 or > 4096)
        {
            throw new ArgumentException($"JobSpec.MaxWorkers must be between 1 and 4096, not {MaxWorkers}.");
        }

        if (!float.IsFinite(LearningRate) || LearningRate <= 0)
        {
            throw new ArgumentException($"JobSpec.LearningRate must be a positive finite number, not {LearningRate}.");
        }

        if (!float.IsFinite(L2) || L2 < 0)
        {
            throw new ArgumentException($"JobSpec.L2 must be a finite number ≥ 0, not {L2}.");
        }

        if (!Enum.IsDefined(Schedule))
        {
            throw new ArgumentException($"JobSpec.Schedule {(int)Schedule} is not a schedule.");
        }

        if (PlannedExamples is < 1)
        {
            throw new ArgumentException($"JobSpec.PlannedExamples must be at least 1 (or null: no horizon), not {PlannedExamples}.");
        }

        if (!Enum.IsDefined(Decay) || (Decay != ClusterDecay.None && PlannedExamples is null))
        {
            throw new ArgumentException($"JobSpec.Decay {Decay} needs JobSpec.PlannedExamples, the horizon it decays over.");
        }

        if (!float.IsFinite(FinalLearningRateFraction) || FinalLearningRateFraction is < 0 or > 1)
        {
            throw new ArgumentException($"JobSpec.FinalLearningRateFraction must be between 0 and 1, not {FinalLearningRateFraction}.");
        }

        if (BufferedBatches < 1)
        {
            throw new ArgumentException($"JobSpec.BufferedBatches must be at least 1, not {BufferedBatches}.");
        }

        if (InitialWeights.Length == 0 || InitialWeights.Length % sizeof(float) != 0)
        {
            throw new ArgumentException($"JobSpec.InitialWeights must hold whole float32 values (a positive multiple of 4 bytes), not {InitialWeights.Length} bytes.");
        }

        foreach (float value in FloatPayload.View(InitialWeights))
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException("JobSpec.InitialWeights holds a NaN or infinite value.");
            }
        }
    }
}
