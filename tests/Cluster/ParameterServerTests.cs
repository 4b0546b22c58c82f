using System.Net;
using HybridSgd.Cluster.Contracts;
using HybridSgd.Cluster.Server;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;

namespace HybridSgd.Tests.Cluster;

/// <summary>The parameter server's core without Orleans' runtime: registration, a dead silo's workers, versioned pulls.</summary>
public sealed class ParameterServerTests
{
    private static readonly SiloAddress SiloA = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private static readonly SiloAddress SiloB = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 1);

    private static ParameterServer Server(int maxWorkers, ClusterSchedule schedule = ClusterSchedule.Sync) =>
        new(ClusterJobs.Spec([1f, 2f], schedule, maxWorkers, learningRate: 0.1f), NullLogger.Instance, TimeProvider.System);

    [Fact]
    public async Task RetireSilo_DeadSilosWorkers_LeaveTheCapAndTheirGradientsAreRefused()
    {
        var server = Server(maxWorkers: 4);
        server.Register(SiloA);
        server.Register(SiloA);
        int b1 = server.Register(SiloB);
        server.Register(SiloB);
        Assert.Equal(4, server.Status().Threshold);

        int lost = server.RetireSilo(SiloB);

        var status = server.Status();
        Assert.Equal(2, lost);
        Assert.Equal(2, status.LostWorkers);
        Assert.Equal(2, status.LiveWorkers);
        Assert.Equal(2, status.Threshold);
        Assert.Equal(new[] { (4, 3), (3, 2) }, status.ThresholdSteps.TakeLast(2).Select(s => (s.OldThreshold, s.NewThreshold)));
        Assert.All(status.ThresholdSteps, s => Assert.True(s.CapMoved));
        Assert.Equal(new[] { SiloA }, server.WatchedSilos());
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.PushAsync(Payload(b1, [0.5f, 0.5f]), CancellationToken.None));
    }

    [Fact]
    public void Register_BeyondMaxWorkers_IsRefusedAndChangesNothing()
    {
        var server = Server(maxWorkers: 1);
        server.Register(SiloA);

        Assert.Throws<InvalidOperationException>(() => server.Register(SiloB));

        var status = server.Status();
        Assert.Equal(1, status.RegisteredWorkers);
        Assert.Equal(1, status.LiveWorkers);
    }

    [Fact]
    public async Task Pull_WeightsComeOnlyWhenTheVersionChanged()
    {
        var server = Server(maxWorkers: 1, ClusterSchedule.Async);
        int worker = server.Register(SiloA);

        var first = server.Pull(-1);
        var unchanged = server.Pull(first.Version);
        await server.PushAsync(Payload(worker, [1f, -1f]), CancellationToken.None);
        var next = server.Pull(first.Version);

        Assert.True(first.Changed);
        Assert.Equal(new[] { 1f, 2f }, FloatPayload.Decode(first.Values));
        Assert.False(unchanged.Changed);
        Assert.Equal(0, unchanged.Version);
        Assert.Equal(1, next.Version);
        var stepped = FloatPayload.Decode(next.Values);
        Assert.Equal(1f - 0.1f, stepped[0], 6);
        Assert.Equal(2f + 0.1f, stepped[1], 6);
        Assert.Equal(1, server.Status().PullsUnchanged);
        Assert.Equal(2, server.Status().PullsWithWeights);
    }

    [Fact]
    public async Task PushAsync_WrongParameterCount_IsRejectedBeforeTheLedger()
    {
        var server = Server(maxWorkers: 1, ClusterSchedule.Async);
        int worker = server.Register(SiloA);

        await Assert.ThrowsAsync<ArgumentException>(() => server.PushAsync(Payload(worker, [1f, 2f, 3f]), CancellationToken.None));

        Assert.Equal(0, server.Status().GradientsAccepted);
    }

    [Fact]
    public async Task PushAsync_SecondMessageOfAWorkerInFlight_IsRefusedAndTheRoundStillCompletes()
    {
        var server = Server(maxWorkers: 2);
        int first = server.Register(SiloA);
        int second = server.Register(SiloB);

        // Sync, two live workers: the first gradient waits for the second worker's.
        var pending = server.PushAsync(Payload(first, [1f, 1f]), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.PushAsync(Payload(first, [1f, 1f], sequence: 1), CancellationToken.None));
        var other = await server.PushAsync(Payload(second, [3f, 3f]), CancellationToken.None);

        Assert.Equal(1, (await pending).AppliedVersion);
        Assert.Equal(1, other.AppliedVersion);
        var status = server.Status();
        Assert.Equal(2, status.GradientsAccepted);
        Assert.Equal(2, status.GradientsLedgered);
    }

    private static GradientPayload Payload(int worker, float[] values, long sequence = 0) => new()
    {
        WorkerId = worker,
        Sequence = sequence,
        ExampleCount = 1,
        Loss = 1,
        Values = FloatPayload.Encode(values),
    };
}
