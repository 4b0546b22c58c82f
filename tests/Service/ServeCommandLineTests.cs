using HybridSgd.Host;
using HybridSgd.Host.CommandLine;
using HybridSgd.Host.Service;
using HybridSgd.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HybridSgd.Tests.Service;

/// <summary>The serve verb's switches and its settings, validated at start with the key named.</summary>
public sealed class ServeCommandLineTests
{
    [Fact]
    public void Parse_ServeWithStdinFlag_FlagBecomesTrueAndSwitchesMap()
    {
        using var host = Build(CommandLines.Parse("serve", "--stdin", "--inbox", "in", "--model-dir", "m"));
        var options = host.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;
        Assert.True(options.Stdin);
        Assert.Equal("in", options.Inbox);
        Assert.Equal("m", options.ModelDirectory);
        Assert.Equal(Path.Combine("m", "spool"), options.SpoolDirectory);
        Assert.Equal(TimeSpan.FromSeconds(30), host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Theory]
    [InlineData("--Service:RampLength", "soon", "Service:RampLength 'soon' must be a positive duration")]
    [InlineData("--Service:SegmentRows", "0", "Service:SegmentRows")]
    [InlineData("--Service:ProgressBy", "updates", "Service:RampLength '10m' must be a positive number of updates")]
    public void Start_BadServiceSetting_FailsNamingTheKey(string key, string value, string expected)
    {
        var parsed = CommandLines.Parse("serve", key, value);

        // Building the host already reads Service (HostOptions.ShutdownTimeout comes from it), so that is where it fails.
        var exception = Assert.Throws<OptionsValidationException>(() => Build(parsed));
        Assert.Contains(expected, ConfigurationErrors.Describe(exception), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TrainWithStdinFlag_Unknown()
    {
        Assert.Contains("Unrecognized command or argument '--stdin'", CommandLines.Errors("train", "--stdin"), StringComparison.Ordinal);
    }

    private static IHost Build(CommandLineArguments arguments) =>
        HostSetup.CreateBuilder(arguments, contentRoot: AppContext.BaseDirectory).Build();
}
