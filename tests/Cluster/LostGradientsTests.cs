using System.Net;
using HybridSgd.Cluster.Contracts;
using HybridSgd.Cluster.Server;
using HybridSgd.Host.Cluster;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;

namespace HybridSgd.Tests.Cluster;

/// <summary>
/// What the report says was lost with a dead silo: its plan (shard minibatches × epochs) minus what the parameter
/// server accepted from it — a gradient accepted before the death is applied, so it is not lost.
/// </summary>
public sealed class LostGradientsTests
{
    private static readonly SiloAddress SiloA = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private static readonly SiloAddress SiloB = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 1);

    private static ParameterServer AsyncServer() =>
        new(ClusterJobs.Spec([1f, 2f], ClusterSchedule.Async, maxWorkers: 2, learningRate: 0.1f), NullLogger.Instance, TimeProvider.System);

    [Fact]
    public async Task RetireSilo_AfterSomeOfItsPlan_ReportsThePlannedGradientsAndRowsItNeverDelivered()
    {
        var server = AsyncServer();
        server.Plan(SiloA, new SiloPlan(0, PlannedGradients: 5, PlannedExamples: 50));
        server.Plan(SiloB, new SiloPlan(1, PlannedGradients: 4, PlannedExamples: 40));
        int a = server.Register(SiloA);
        int b = server.Register(SiloB);
        await server.PushAsync(Payload(a, sequence: 0, examples: 10), CancellationToken.None);
        await server.PushAsync(Payload(b, sequence: 0, examples: 10), CancellationToken.None);
        await server.PushAsync(Payload(b, sequence: 1, examples: 7), CancellationToken.None);

        server.RetireSilo(SiloB);

        var status = server.Status();
        var alive = Assert.Single(status.Silos, s => s.Silo.Equals(SiloA));
        var dead = Assert.Single(status.Silos, s => s.Silo.Equals(SiloB));
        Assert.False(alive.Dead);
        Assert.Equal(0, alive.LostGradients);
        Assert.True(dead.Dead);
        Assert.Equal(2, dead.GradientsAccepted);
        Assert.Equal(17, dead.ExamplesAccepted);
        Assert.Equal(2, dead.LostGradients);
        Assert.Equal(23, dead.LostExamples);
        Assert.True(dead.Settled);
        Assert.False(alive.Settled);
        Assert.Equal(2, status.LostGradients);
        Assert.Equal(1, status.LostWorkers);
    }

    [Fact]
    public void RetireSilo_WithoutAPlan_LostIsUnknownNotZero()
    {
        var server = AsyncServer();
        server.Register(SiloB);

        server.RetireSilo(SiloB);

        Assert.Null(server.Status().LostGradients);
    }

    [Fact]
    public void Plan_TwoSilosClaimingOneShard_IsRefusedNamingTheSwitch()
    {
        var server = AsyncServer();
        server.Plan(SiloA, new SiloPlan(1, 5, 50));

        var error = Assert.Throws<InvalidOperationException>(() => server.Plan(SiloB, new SiloPlan(1, 5, 50)));

        Assert.Contains("--silo-index", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_OfAJobWithADeadSilo_CountsTheLossAndTheSurvivorsTraffic()
    {
        var server = AsyncServer();
        server.Plan(SiloA, new SiloPlan(0, PlannedGradients: 2, PlannedExamples: 20));
        server.Plan(SiloB, new SiloPlan(1, PlannedGradients: 3, PlannedExamples: 30));
        int a = server.Register(SiloA);
        int b = server.Register(SiloB);
        await server.PushAsync(Payload(a, sequence: 0, examples: 10), CancellationToken.None);
        await server.PushAsync(Payload(b, sequence: 0, examples: 10), CancellationToken.None);
        await server.PushAsync(Payload(a, sequence: 1, examples: 10), CancellationToken.None);
        server.RetireSilo(SiloB);
        server.Deregister(a);

        // Silo A's own account: 2 pushes of 8 bytes taking 3 ms in all, 2 pulls of 8 bytes taking 1 ms in all.
        server.Reported(SiloA, new SiloRunReport(Gradients: 2, PayloadBytes: 16, WeightPulls: 2, PulledBytes: 16, PushSeconds: 0.003, PullSeconds: 0.001, Stopped: false));

        var summary = ClusterSummaries.From(server.Status(), ClusterMembership.Redis, silos: 2, workersPerSilo: 1, SiloA.ToString(), parameterCount: 2, trainSeconds: 2);

        Assert.Equal(1, summary.LostSilos);
        Assert.Equal(1, summary.LostWorkers);
        Assert.Equal(2, summary.GradientsLost);
        Assert.Equal(20, summary.ExamplesLost);
        Assert.Equal("redis", summary.Membership);
        Assert.Equal(8, summary.Wire.PayloadBytesPerGradient);
        Assert.Equal(32.0 / 3, summary.Wire.BytesPerUpdate, 9); // 3 updates (async), 32 bytes reported by the survivor
        Assert.Equal(1.5, summary.Wire.MeanPushMs, 9);
        Assert.Equal(0.5, summary.Wire.MeanPullMs, 9);
        Assert.Equal(1.5, summary.Wire.UpdatesPerSecond, 9);
        Assert.Equal(new int?[] { 0, 1 }, summary.PerSilo.Select(s => s.Index));
        Assert.Null(summary.PerSilo[1].WeightPulls);
        Assert.Equal(0, summary.PerSilo[0].LostGradients);
    }

    [Fact]
    public async Task RetireSilo_WithADecay_EndsTheDecayWhereTheSurvivorsEnd()
    {
        // Two silos plan 50 examples each over a linear decay; B dies having delivered none. The survivor's 40 examples
        // are then 40 % of what the job will train on (not 20 % of the original plan), and its learning rate is lower.
        float shrunk = await LearningRateAfterAsync(killB: true);
        float planned = await LearningRateAfterAsync(killB: false);

        Assert.True(shrunk < planned, $"learning rate {shrunk} after B died, {planned} with B alive");
    }

    private static async Task<float> LearningRateAfterAsync(bool killB)
    {
        var spec = ClusterJobs.Spec([1f, 2f], ClusterSchedule.Async, maxWorkers: 2, learningRate: 0.1f) with
        {
            PlannedExamples = 100,
            Decay = ClusterDecay.Linear,
        };
        var server = new ParameterServer(spec, NullLogger.Instance, TimeProvider.System);
        server.Plan(SiloA, new SiloPlan(0, PlannedGradients: 5, PlannedExamples: 50));
        server.Plan(SiloB, new SiloPlan(1, PlannedGradients: 5, PlannedExamples: 50));
        int a = server.Register(SiloA);
        server.Register(SiloB);
        if (killB)
        {
            server.RetireSilo(SiloB);
        }

        for (int sequence = 0; sequence < 4; sequence++)
        {
            await server.PushAsync(Payload(a, sequence, examples: 10), CancellationToken.None);
        }

        return server.Pull(knownVersion: -1).LearningRate;
    }

    private static GradientPayload Payload(int worker, long sequence, int examples) => new()
    {
        WorkerId = worker,
        Sequence = sequence,
        ExampleCount = examples,
        Loss = 1,
        Values = FloatPayload.Encode([0.5f, -0.5f]),
    };
}
