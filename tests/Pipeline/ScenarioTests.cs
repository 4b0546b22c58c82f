using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Tests.Pipeline;

public sealed class ScenarioTests
{
    [Fact]
    public void Stragglers_MakesTheLastQuarterFourTimesSlower()
    {
        var four = Scenarios.Resolve(new SimulationOptions { Scenario = Scenarios.Stragglers }, 4);
        Assert.Equal([1.0, 1.0, 1.0, 4.0], four.Select(c => c.Slowdown));
        Assert.All(four, c => Assert.Equal(TimeSpan.Zero, c.PushDelay));

        var eight = Scenarios.Resolve(new SimulationOptions { Scenario = Scenarios.Stragglers }, 8);
        Assert.Equal(2, eight.Count(c => c.Slowdown == 4));

        var two = Scenarios.Resolve(new SimulationOptions { Scenario = Scenarios.Stragglers }, 2);
        Assert.Equal([1.0, 4.0], two.Select(c => c.Slowdown));
    }

    [Fact]
    public void SlowNetwork_DelaysEveryPushAndPull()
    {
        var conditions = Scenarios.Resolve(new SimulationOptions { Scenario = Scenarios.SlowNetwork }, 3);
        Assert.All(conditions, c =>
        {
            Assert.Equal(1, c.Slowdown);
            Assert.Equal(TimeSpan.FromMilliseconds(2), c.PushDelay);
            Assert.Equal(TimeSpan.FromMilliseconds(2), c.PullDelay);
            Assert.Equal(TimeSpan.FromMilliseconds(2), c.Jitter);
        });
    }

    [Fact]
    public void ExplicitSettings_OverrideTheScenario()
    {
        var options = new SimulationOptions
        {
            Scenario = Scenarios.Stragglers,
            WorkerSlowdown = [2],
            PushDelay = Duration.Parse("5ms"),
        };

        var conditions = Scenarios.Resolve(options, 3);

        Assert.Equal([2.0, 1.0, 1.0], conditions.Select(c => c.Slowdown));
        Assert.All(conditions, c => Assert.Equal(TimeSpan.FromMilliseconds(5), c.PushDelay));
        Assert.All(conditions, c => Assert.Equal(TimeSpan.Zero, c.PullDelay));
    }

    [Fact]
    public void Uniform_IsIdeal() =>
        Assert.All(Scenarios.Resolve(new SimulationOptions(), 4), c => Assert.True(c.IsIdeal));

    [Fact]
    public void Validator_NamesTheKey()
    {
        var result = new SimulationOptionsValidator().Validate(null, new SimulationOptions { Scenario = "mars", WorkerSlowdown = [1, 0.5] });
        Assert.Contains("Simulation:Scenario 'mars'", result.FailureMessage);
        Assert.Contains("Simulation:WorkerSlowdown:1", result.FailureMessage);
    }
}
