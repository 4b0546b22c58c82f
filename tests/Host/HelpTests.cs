namespace HybridSgd.Tests.Host;

/// <summary>hybridsgd help, --help, and each verb's --help: that verb's options, the key each one sets, its examples.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    public void RootHelp_ListsTheCommandsAndEveryExample(string word)
    {
        var (text, exitCode) = CommandLines.Output(word);

        Assert.Equal(0, exitCode);
        foreach (string verb in new[] { "train", "compare", "evaluate", "predict", "serve", "help" })
        {
            Assert.Matches($"(?m)^  {verb} ", text);
        }

        Assert.Contains("--Section:Key value sets any key", text, StringComparison.Ordinal);
        Assert.Contains("  hybridsgd serve --inbox", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Training:Workers", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainHelp_ListsOnlyTrainsOptions_WithTheirKeys()
    {
        var (text, exitCode) = CommandLines.Output("train", "--help");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"(?m)^  -w, --workers <N> +Training:Workers$", text);
        Assert.Matches(@"(?m)^  --budget <10s\|2m\|00:01:30> +Training:Budget: a time cap \(clears Epochs unless --epochs is given too\)$", text);
        Assert.Matches(@"(?m)^  --staleness-lr +Training:StalenessAwareStep: each gradient's step divided by its staleness$", text);
        Assert.Matches(@"(?m)^  --log-format <text\|json> +Logging:Console:FormatterName", text);
        Assert.DoesNotContain("--inbox", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--methods", text, StringComparison.Ordinal);
        Assert.Contains("  hybridsgd train --train houses.csv --label price --out runs/houses", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hybridsgd serve", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ServeHelp_AddsItsOwnOptions()
    {
        var (text, _) = CommandLines.Output("help", "serve");

        Assert.Matches(@"(?m)^  --stdin +Service:Stdin: also read CSV rows \(header first\) from standard input$", text);
        Assert.Matches(@"(?m)^  --model-dir <DIR> +Service:ModelDirectory", text);
        Assert.Matches(@"(?m)^  --model <auto\|softmax\|logistic\|linear\|mlp> +Model:Name", text);
    }

    [Fact]
    public void EvaluateHelp_ModelIsTheSavedModel()
    {
        var (text, _) = CommandLines.Output("evaluate", "--help");

        Assert.Matches(@"(?m)^  --model <DIR> +Scoring:Model: a run directory holding model.hsgd, or the model file$", text);
        Assert.Matches(@"(?m)^  --out <FILE> +Scoring:Output \(default: evaluation.json beside the model\)$", text);
        Assert.DoesNotContain("--workers", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpWithOtherSwitches_IsStillHelp_NotAnError()
    {
        var (text, exitCode) = CommandLines.Output("--workers", "2", "--typo", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains(" train [options]", text, StringComparison.Ordinal); // after the executable's name
    }
}
