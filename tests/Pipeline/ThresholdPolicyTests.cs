using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Policies;

namespace HybridSgd.Tests.Pipeline;

public sealed class ThresholdPolicyTests
{
    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.25, 3)] // 1 + 3·0.5 = 2.5, rounded half away from zero
    [InlineData(0.2, 2)]
    [InlineData(0.5, 4)]
    [InlineData(0.9, 4)]
    public void Linear_RisesFromOneToWorkersAcrossTheRamp(double progress, int expected) =>
        Assert.Equal(expected, new LinearRampPolicy(0, 0.5).ThresholdAt(progress, 4));

    [Theory]
    [InlineData(0.1, 1)]
    [InlineData(0.3, 2)] // along 0.5: 4^0.5
    [InlineData(0.5, 4)]
    public void Exponential_IsWorkersToThePowerOfProgress(double progress, int expected) =>
        Assert.Equal(expected, new ExponentialRampPolicy(0.1, 0.5).ThresholdAt(progress, 4));

    [Fact]
    public void Step_SwitchesFromAsyncToSyncAtItsPoint()
    {
        var policy = new StepPolicy(0.5);
        Assert.Equal(1, policy.ThresholdAt(0.499, 8));
        Assert.Equal(8, policy.ThresholdAt(0.5, 8));
    }

    [Fact]
    public void FixedPolicies_IgnoreProgress()
    {
        Assert.Equal(1, new AsynchronousPolicy().ThresholdAt(0.9, 6));
        Assert.Equal(6, new SynchronousPolicy().ThresholdAt(0.1, 6));
        Assert.Equal(3, new ConstantPolicy(3).ThresholdAt(0.1, 6));
        Assert.Equal(2, new ConstantPolicy(3).ThresholdAt(0.1, 2));
    }

    [Fact]
    public void Factory_MapsModeAndKind()
    {
        var options = new ThresholdPolicyOptions { Kind = ThresholdPolicyKind.Exponential, RampStart = 0.1, RampEnd = 0.7 };
        Assert.Equal("exponential(0.1-0.7)", ThresholdPolicyFactory.Create(TrainingMode.Hybrid, options).Describe());
        Assert.Equal("async", ThresholdPolicyFactory.Create(TrainingMode.Async, options).Describe());
        Assert.Equal("sync", ThresholdPolicyFactory.Create(TrainingMode.Sync, options).Describe());
    }

    [Fact]
    public void Ramp_RejectsAnEmptyRamp() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearRampPolicy(0.5, 0.5));
}
