using HybridSgd.Host.CommandLine;

namespace HybridSgd.Tests.Host;

public sealed class CommandLineArgumentsTests
{
    [Fact]
    public void ReadmeCommand_ParsesAsTrainWithEveryFlagMapped()
    {
        var parsed = CommandLines.Parse("train", "--dataset", "fashion-mnist", "--model", "softmax", "--mode", "hybrid", "--workers", "4", "--budget", "10s", "--out", "runs/demo");

        Assert.Equal(Verb.Train, parsed.Verb);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Data:Dataset"] = "fashion-mnist", ["Model:Name"] = "softmax", ["Training:Mode"] = "hybrid", ["Training:Workers"] = "4",
                ["Training:Budget"] = "10s", ["Output:Directory"] = "runs/demo", ["Training:Epochs"] = "",
            },
            parsed.Settings);
        Assert.Equal("hybridsgd train --dataset fashion-mnist --model softmax --mode hybrid --workers 4 --budget 10s --out runs/demo", parsed.Text);
    }

    [Fact]
    public void NoVerb_MeansTrain()
    {
        var parsed = CommandLines.Parse();
        Assert.Equal(Verb.Train, parsed.Verb);
        Assert.Empty(parsed.Settings);
        Assert.Equal(Verb.Train, CommandLines.Parse("-w", "3").Verb);
    }

    [Fact]
    public void EpochsAlone_ClearsTheConfiguredBudget()
    {
        Assert.Equal("", CommandLines.Parse("--epochs", "3").Settings["Training:Budget"]);
        Assert.Equal("", CommandLines.Parse("--budget", "3s").Settings["Training:Epochs"]);
    }

    [Fact]
    public void EpochsAndBudget_KeepBoth()
    {
        var parsed = CommandLines.Parse("--epochs=3", "--budget", "5s");
        Assert.Equal(new Dictionary<string, string?> { ["Training:Epochs"] = "3", ["Training:Budget"] = "5s" }, parsed.Settings);
    }

    [Fact]
    public void AliasesAndRepeats_MapToOneKey_LastWins()
    {
        var parsed = CommandLines.Parse("--lr", "0.1", "-w", "2", "--workers", "4", "--learning-rate", "0.2");
        Assert.Equal("4", parsed.Settings["Training:Workers"]);
        Assert.Equal("0.2", parsed.Settings["Training:LearningRate"]);
    }

    [Fact]
    public void Flag_AloneMeansTrue_OrTakesTrueFalse()
    {
        Assert.Equal("true", CommandLines.Parse("--staleness-lr").Settings["Training:StalenessAwareStep"]);
        Assert.Equal("false", CommandLines.Parse("--staleness-lr", "false", "--workers", "2").Settings["Training:StalenessAwareStep"]);
    }

    [Fact]
    public void ScoringVerbs_MapModelAndOutToScoringKeys()
    {
        var parsed = CommandLines.Parse("predict", "--model", "runs/m", "--data", "rows.csv", "--out", "preds.csv");
        Assert.Equal(Verb.Predict, parsed.Verb);
        Assert.Equal(new Dictionary<string, string?> { ["Scoring:Model"] = "runs/m", ["Scoring:Data"] = "rows.csv", ["Scoring:Output"] = "preds.csv" }, parsed.Settings);
    }

    [Theory]
    [InlineData("--Training:Policy:RampEnd", "0.8")]
    [InlineData("--Training:Policy:RampEnd=0.8")]
    public void RawConfigurationKeys_PassThroughToConfiguration(params string[] args)
    {
        var parsed = CommandLines.Parse(["compare", .. args, "--Simulation:WorkerSlowdown:3", "4"]);
        Assert.Equal(Verb.Compare, parsed.Verb);
        Assert.Equal(new Dictionary<string, string?> { ["Training:Policy:RampEnd"] = "0.8", ["Simulation:WorkerSlowdown:3"] = "4" }, parsed.Settings);
    }

    [Fact]
    public void RawConfigurationKey_AndItsSwitch_TheOneNamedLaterWins()
    {
        Assert.Equal("8", CommandLines.Parse("--workers", "2", "--Training:Workers", "8").Settings["Training:Workers"]);
        Assert.Equal("2", CommandLines.Parse("--Training:Workers", "8", "--workers", "2").Settings["Training:Workers"]);
    }

    [Fact]
    public void LogFormat_IsTheConsoleFormatterKey_OnEveryVerb()
    {
        Assert.Equal("json", CommandLines.Parse("--log-format", "json").Settings["Logging:Console:FormatterName"]);
        Assert.Equal("json", CommandLines.Parse("evaluate", "--log-format", "json").Settings["Logging:Console:FormatterName"]);
    }

    [Theory]
    [InlineData("--frobnicate", "Unrecognized command or argument '--frobnicate'")]
    [InlineData("fly", "Unrecognized command or argument 'fly'")] // not "serve", which is a verb now
    [InlineData("--workers", "Required argument missing for option: '--workers'")]
    [InlineData("--methods", "Unrecognized command or argument '--methods'")] // compare only
    public void BadArguments_AreRejectedByName(string argument, string expected)
    {
        Assert.Contains(expected, CommandLines.Errors(argument), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSwitch_IsNamed_WithTheClosestSwitch_AndNotItsValue()
    {
        string errors = CommandLines.Errors("train", "--workrs", "3");

        Assert.Equal(
            """
            '--workrs' was not matched. Did you mean one of the following?
            --workers

            Unrecognized command or argument '--workrs'.
            Run 'hybridsgd train --help' for the options.

            """,
            errors.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void SwitchGivenAsAValue_IsRejected()
    {
        string errors = CommandLines.Errors("--label", "--epochs", "3");
        Assert.Equal("Option '--label' needs a value, not the switch '--epochs'.\nRun 'hybridsgd train --help' for the options.\n", errors.ReplaceLineEndings("\n"));
    }
}
