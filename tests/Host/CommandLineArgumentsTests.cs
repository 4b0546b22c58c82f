using HybridSgd.Host.CommandLine;

namespace HybridSgd.Tests.Host;

public sealed class CommandLineArgumentsTests
{
    [Fact]
    public void ReadmeCommand_ParsesAsTrainWithEveryFlagMapped()
    {
        string[] args = ["train", "--dataset", "fashion-mnist", "--model", "softmax", "--mode", "hybrid", "--workers", "4", "--budget", "10s", "--out", "runs/demo"];

        Assert.True(CommandLineArguments.TryParse(args, out var parsed, out var error), error);

        Assert.Equal(CommandLineArguments.TrainVerb, parsed.Verb);
        Assert.Equal(args[1..], parsed.ConfigurationArguments);
        Assert.Equal("", parsed.Overrides["Training:Epochs"]);
    }

    [Fact]
    public void NoVerb_MeansTrain()
    {
        Assert.True(CommandLineArguments.TryParse([], out var parsed, out _));
        Assert.Equal(CommandLineArguments.TrainVerb, parsed.Verb);
        Assert.Empty(parsed.Overrides);
    }

    [Fact]
    public void EpochsAlone_ClearsTheConfiguredBudget()
    {
        Assert.True(CommandLineArguments.TryParse(["--epochs", "3"], out var parsed, out _));
        Assert.Equal("", parsed.Overrides["Training:Budget"]);
    }

    [Fact]
    public void EpochsAndBudget_KeepBoth()
    {
        Assert.True(CommandLineArguments.TryParse(["--epochs=3", "--budget", "5s"], out var parsed, out _));
        Assert.Empty(parsed.Overrides);
    }

    [Theory]
    [InlineData("--frobnicate", "Unknown option '--frobnicate'")]
    [InlineData("fly", "Unknown command 'fly'")] // not "serve", which is a verb now
    [InlineData("--workers", "Option '--workers' needs a value")]
    public void BadArguments_AreRejectedByName(string argument, string expected)
    {
        Assert.False(CommandLineArguments.TryParse([argument], out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void RawConfigurationKeys_AreAccepted()
    {
        Assert.True(CommandLineArguments.TryParse(["--Training:Policy:RampEnd", "0.8"], out var parsed, out _));
        Assert.Equal(["--Training:Policy:RampEnd", "0.8"], parsed.ConfigurationArguments);
    }
}
