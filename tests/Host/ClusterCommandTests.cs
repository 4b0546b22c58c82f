using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using HybridSgd.Host.Cluster;
using HybridSgd.Host.Jobs;
using HybridSgd.Host.Options;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Tests.Support;
using Microsoft.Extensions.Options;

namespace HybridSgd.Tests.Host;

/// <summary>train --cluster: its switches, its settings' validation, what it refuses, and a one-silo run end to end.</summary>
[Collection(nameof(ClusterCommandCollection))]
public sealed class ClusterCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly ScratchDirectory _scratch = new();

    private string Out => _scratch.Path;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void ClusterSwitches_MapToTheClusterSection()
    {
        var parsed = CommandLines.Parse("train", "--cluster", "--silos", "3", "--silo-index", "0", "--membership", "redis", "--redis", "localhost:6379", "--address", "10.0.0.5", "--silo-port", "12000", "--gateway-port", "32000", "--cluster-id", "run-7");

        Assert.Equal("true", parsed.Settings["Cluster:Enabled"]);
        Assert.Equal("3", parsed.Settings["Cluster:Silos"]);
        Assert.Equal("0", parsed.Settings["Cluster:SiloIndex"]);
        Assert.Equal("redis", parsed.Settings["Cluster:Membership"]);
        Assert.Equal("localhost:6379", parsed.Settings["Cluster:Redis"]);
        Assert.Equal("10.0.0.5", parsed.Settings["Cluster:Address"]);
        Assert.Equal("12000", parsed.Settings["Cluster:SiloPort"]);
        Assert.Equal("32000", parsed.Settings["Cluster:GatewayPort"]);
        Assert.Equal("run-7", parsed.Settings["Cluster:ClusterId"]);
    }

    [Fact]
    public void Defaults_AreValid_AndNotACluster()
    {
        var defaults = new ClusterOptions();

        Assert.True(new ClusterOptionsValidator().Validate(null, defaults).Succeeded);
        Assert.False(defaults.Enabled);
        Assert.Equal(ClusterMembership.Localhost, defaults.Membership);
    }

    [Theory]
    [InlineData("Cluster:SiloIndex", "--silos", "2", "--silo-index", "2")]
    [InlineData("Cluster:Redis", "--membership", "redis")]
    [InlineData("Cluster:Address", "--address", "silo-zero")]
    [InlineData("Cluster:Membership", "--membership", "carrier-pigeon")]
    [InlineData("Cluster:SiloPort", "--silos", "3", "--silo-port", "65534")]
    [InlineData("Cluster:SiloPort", "--silos", "3", "--silo-port", "30001", "--gateway-port", "30000")]
    [InlineData("Cluster:ClusterId", "--cluster-id", "two words")]
    [InlineData("Cluster:Silos", "--silos", "0")]
    public async Task BadClusterSetting_FailsAtStart_NamingTheKey(string key, params string[] switches)
    {
        using var host = HostRun.Build(["train", "--cluster", .. switches, "--stop", "epochs", "--epochs", "1", "--out", Out]);

        var error = await Record.ExceptionAsync(() => host.StartAsync());

        Assert.True(error is OptionsValidationException or InvalidOperationException, error?.GetType().Name);
        Assert.Contains(key, HybridSgd.Host.ConfigurationErrors.Describe(error!), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Theory]
    [InlineData("Training:Stop", "Converged", null, "Hybrid", "Adaptive")]
    [InlineData("Training:Epochs", "Epochs", null, "Hybrid", "Adaptive")]
    [InlineData("Training:Policy:Kind", "Epochs", 3, "Hybrid", "Linear")]
    public void TrainingSettingsACLusterCannotHonour_AreRefusedByName(string key, string stop, int? epochs, string mode, string policy)
    {
        var training = new TrainingOptions
        {
            Stop = Enum.Parse<StopRule>(stop),
            Epochs = epochs,
            Mode = Enum.Parse<TrainingMode>(mode),
            Policy = new ThresholdPolicyOptions { Kind = Enum.Parse<ThresholdPolicyKind>(policy) },
        };

        var error = Assert.Throws<SettingsConflictException>(() => ClusterRunSettings.Check(training, new DataOptions(), new SimulationOptions()));

        Assert.StartsWith(key + " ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneSilo_LocalhostMembership_TrainsItsShardAndWritesTheClusterReportAndModel()
    {
        int siloPort = FreePort();
        int gatewayPort = FreePort();
        using var host = HostRun.Build(
            "train", "--cluster", "--silos", "1", "--silo-index", "0", "--silo-port", $"{siloPort}", "--gateway-port", $"{gatewayPort}",
            "--stop", "epochs", "--epochs", "2", "--workers", "2", "--train-rows", "6000", "--test-rows", "1000", "--out", Out);

        Assert.Equal(0, await HostRun.RunAsync(host, Patience));

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "report.json")));
        var root = report.RootElement;
        Assert.Equal("epochs", root.GetProperty("endedBy").GetString());
        Assert.True(root.GetProperty("test").GetProperty("accuracy").GetDouble() > 0.6, root.GetProperty("test").ToString());
        var cluster = root.GetProperty("cluster");
        Assert.Equal(1, cluster.GetProperty("silos").GetInt32());
        Assert.Equal(0, cluster.GetProperty("gradientsLost").GetInt64());
        Assert.Equal(0, cluster.GetProperty("duplicateApplications").GetInt64());
        var silo = Assert.Single(cluster.GetProperty("perSilo").EnumerateArray());

        // 6000 rows less the 10 % validation slice, 2 epochs: every planned gradient arrived and was applied.
        long planned = silo.GetProperty("plannedGradients").GetInt64();
        Assert.Equal(planned, silo.GetProperty("gradientsAccepted").GetInt64());
        Assert.Equal(planned, root.GetProperty("gradients").GetInt64());
        Assert.Equal(2 * 5400, silo.GetProperty("examplesAccepted").GetInt64());
        Assert.Equal(785 * 10 * 4, cluster.GetProperty("wire").GetProperty("payloadBytesPerGradient").GetInt64());
        Assert.True(File.Exists(Path.Combine(Out, "model.hsgd")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The one-silo run binds ports and starts a silo: not alongside the rest of the cluster tests.</summary>
[CollectionDefinition(nameof(ClusterCommandCollection), DisableParallelization = true)]
public sealed class ClusterCommandCollection;
