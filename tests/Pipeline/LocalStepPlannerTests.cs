using HybridSgd.Pipeline.Workers;

namespace HybridSgd.Tests.Pipeline;

public sealed class LocalStepPlannerTests
{
    [Fact]
    public void FastLink_KeepsOneStep()
    {
        var planner = new LocalStepPlanner(maxSteps: 50);
        for (int i = 0; i < 20; i++)
        {
            planner.Observe(communicationSeconds: 0, computeSeconds: 0.0001, steps: 1);
        }

        Assert.Equal(1, planner.Steps);
    }

    [Fact]
    public void SlowLink_TakesAboutAsManyStepsAsCommunicationCostsInComputeTime()
    {
        var planner = new LocalStepPlanner(maxSteps: 50);
        for (int i = 0; i < 20; i++)
        {
            // 3 ms on the wire, 0.2 ms per minibatch: about 15 steps keep the two equal.
            planner.Observe(communicationSeconds: 0.003, computeSeconds: 0.0002 * planner.Steps, steps: planner.Steps);
        }

        Assert.InRange(planner.Steps, 10, 20);
    }

    [Fact]
    public void Steps_AreBoundedByTheDataSize()
    {
        var planner = new LocalStepPlanner(maxSteps: 4);
        for (int i = 0; i < 20; i++)
        {
            planner.Observe(0.01, 0.0001 * planner.Steps, planner.Steps);
        }

        Assert.Equal(4, planner.Steps);
    }

    [Fact]
    public void SmallTimingNoise_DoesNotChangeThePlan()
    {
        var planner = new LocalStepPlanner(maxSteps: 50);
        for (int i = 0; i < 20; i++)
        {
            planner.Observe(0.002, 0.0002 * planner.Steps, planner.Steps);
        }

        int settled = planner.Steps;
        for (int i = 0; i < 20; i++)
        {
            // ±20 % on the link: inside the hysteresis band.
            planner.Observe(i % 2 == 0 ? 0.0024 : 0.0016, 0.0002 * planner.Steps, planner.Steps);
        }

        Assert.Equal(settled, planner.Steps);
    }

    [Fact]
    public void LinkThatBecomesFast_GoesBackToOneStep()
    {
        var planner = new LocalStepPlanner(maxSteps: 50);
        for (int i = 0; i < 20; i++)
        {
            planner.Observe(0.003, 0.0002 * planner.Steps, planner.Steps);
        }

        for (int i = 0; i < 40; i++)
        {
            planner.Observe(0, 0.0002 * planner.Steps, planner.Steps);
        }

        Assert.Equal(1, planner.Steps);
    }
}
