using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Pipeline.Policies;
using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridSgd.Tests.Pipeline;

/// <summary>The update applier's arithmetic on hand-made messages: one parameter, learning rate 0.1, no L2.</summary>
public sealed class StalenessAwareStepTests
{
    private static UpdateApplier Applier(bool stalenessAware) => new(
        [0f],
        new WeightsBoard([0f]),
        new AggregatorSettings(
            Workers: 2,
            BufferedBatches: 1,
            Policy: new AsynchronousPolicy(),
            Optimizer: new SgdOptimizer(0.1f, 0),
            Progress: new ProgressMeter(TimeProvider.System, null, null),
            Logger: NullLogger.Instance,
            StalenessAwareStep: stalenessAware));

    private static GradientMessage Gradient(float value, long weightsVersion, int examples = 1, int worker = 0)
    {
        var message = new GradientMessage(worker, [value]);
        message.Arm(sequence: weightsVersion, examples, weightsVersion, loss: 1);
        return message;
    }

    [Theory]
    [InlineData(false, -0.1f - 0.1f - 0.1f)]
    [InlineData(true, -0.1f - 0.1f - (0.1f / 2))]
    public void Gradient_StepsAreDividedByStaleness_OnlyWhenAsked(bool stalenessAware, float expected)
    {
        var applier = Applier(stalenessAware);

        applier.Apply([Gradient(1, weightsVersion: 0)], 1, 2); // staleness 0: full step
        applier.Apply([Gradient(1, weightsVersion: 0)], 1, 2); // staleness 1: full step (1/max(1, τ))
        applier.Apply([Gradient(1, weightsVersion: 0)], 1, 2); // staleness 2: half a step when staleness-aware

        Assert.Equal(expected, applier.CopyWeights()[0], 6);
    }

    [Fact]
    public void Mean_IsWeightedByExamples()
    {
        var applier = Applier(stalenessAware: false);

        applier.Apply([Gradient(1, 0, examples: 3), Gradient(5, 0, examples: 1, worker: 1)], 2, 2);

        // (3·1 + 1·5) / 4 = 2, one step of 0.1.
        Assert.Equal(-0.2f, applier.CopyWeights()[0], 6);
    }

    [Fact]
    public void Displacements_AreAveragedOverTheLiveWorkers_NotOverTheGroup()
    {
        var applier = Applier(stalenessAware: false);
        var displacement = new GradientMessage(0, [0.4f]);
        displacement.Arm(0, 10, 0, 1, steps: 5, displacement: true);

        // k = 1 of 2 live workers: half of the worker's walk, so that two stale walks never add up to twice it.
        var signals = applier.Apply([displacement], 1, 2);

        Assert.Equal(-0.2f, applier.CopyWeights()[0], 6);
        Assert.Equal(5, signals[0].Steps);
    }

    [Fact]
    public void NonFiniteDisplacement_NeverReachesTheWeights()
    {
        var applier = Applier(stalenessAware: false);
        var displacement = new GradientMessage(0, [float.NaN]);
        displacement.Arm(0, 10, 0, 1, steps: 5, displacement: true);

        applier.Apply([displacement], 1, 2);

        Assert.Equal(0f, applier.CopyWeights()[0]);
        Assert.Equal(1, applier.Counters.Skipped);
    }
}
