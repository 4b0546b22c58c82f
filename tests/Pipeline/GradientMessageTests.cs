using HybridSgd.Pipeline.Aggregation;

namespace HybridSgd.Tests.Pipeline;

public sealed class GradientMessageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task MarkApplied_EndsTheWait_WithTheUpdateVersion()
    {
        var message = new GradientMessage(workerId: 3, new float[2]);
        message.Arm(sequence: 5, exampleCount: 64, weightsVersion: 9, loss: 0.25);
        var applied = message.Applied.AsTask();

        message.MarkApplied(10);

        Assert.Equal(10, await applied.WaitAsync(Patience));
        Assert.Equal((3, 5L, 64, 9L, 0.25), (message.WorkerId, message.Sequence, message.ExampleCount, message.WeightsVersion, message.Loss));
    }

    [Fact]
    public async Task Message_IsReused_ForEachGradientOfItsWorker()
    {
        var message = new GradientMessage(workerId: 0, new float[1]);
        for (long sequence = 0; sequence < 3; sequence++)
        {
            message.Arm(sequence, exampleCount: 8, weightsVersion: sequence, loss: 1);
            var applied = message.Applied;
            _ = Task.Run(() => message.MarkApplied(sequence + 100));
            Assert.Equal(sequence + 100, await applied.AsTask().WaitAsync(Patience));
        }
    }

    [Fact]
    public void MarkApplied_Twice_Throws()
    {
        var message = new GradientMessage(workerId: 1, new float[1]);
        message.Arm(sequence: 4, exampleCount: 1, weightsVersion: 0, loss: 0);
        message.MarkApplied(1);

        var error = Assert.Throws<InvalidOperationException>(() => message.MarkApplied(2));
        Assert.Contains("1/4 was consumed twice", error.Message);
    }

    [Fact]
    public void Arm_WhileInFlight_Throws()
    {
        var message = new GradientMessage(workerId: 0, new float[1]);
        message.Arm(sequence: 0, exampleCount: 1, weightsVersion: 0, loss: 0);

        Assert.Throws<InvalidOperationException>(() => message.Arm(sequence: 1, exampleCount: 1, weightsVersion: 0, loss: 0));
    }

    [Fact]
    public async Task Cancel_WhileInFlight_EndsTheWait_AndALateApplyIsIgnored()
    {
        using var abort = new CancellationTokenSource();
        var message = new GradientMessage(workerId: 0, new float[1]);
        message.Arm(sequence: 0, exampleCount: 1, weightsVersion: 0, loss: 0);
        var applied = message.Applied.AsTask();

        message.Cancel(abort.Token);
        message.MarkApplied(1); // the aggregator applying it after the worker gave up: nothing to release, no error

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => applied.WaitAsync(Patience));
    }

    [Fact]
    public async Task Cancel_WhenNothingIsInFlight_DoesNotAffectTheNextGradient()
    {
        var message = new GradientMessage(workerId: 0, new float[1]);
        message.Cancel(CancellationToken.None);
        message.Arm(sequence: 0, exampleCount: 1, weightsVersion: 0, loss: 0);
        var applied = message.Applied.AsTask();

        message.MarkApplied(7);

        Assert.Equal(7, await applied.WaitAsync(Patience));
    }

    [Fact]
    public async Task CancelAndApply_Racing_CompleteTheWaitExactlyOnce()
    {
        for (int round = 0; round < 200; round++)
        {
            var message = new GradientMessage(workerId: 0, new float[1]);
            message.Arm(sequence: round, exampleCount: 1, weightsVersion: 0, loss: 0);
            var applied = message.Applied.AsTask();
            using var start = new Barrier(2);
            var apply = Task.Run(() => { start.SignalAndWait(); message.MarkApplied(1); });
            var cancel = Task.Run(() => { start.SignalAndWait(); message.Cancel(CancellationToken.None); });
            await Task.WhenAll(apply, cancel).WaitAsync(Patience);

            // Either outcome is fine; what matters is that neither call threw and the wait ended (Patience only
            // guards against a hang).
            Assert.Same(applied, await Task.WhenAny(applied).WaitAsync(Patience));
        }
    }
}
