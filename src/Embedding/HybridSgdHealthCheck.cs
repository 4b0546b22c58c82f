using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HybridSgd.Embedding;

/// <summary>
/// The online trainer's health: unhealthy once its loop has failed (the app goes on predicting with the last
/// weights, but learns nothing more), degraded while it drops examples because the channel is full, healthy
/// otherwise. The data says what it is doing and how far it got.
/// </summary>
internal sealed class HybridSgdHealthCheck(TrainerState state, ExampleInbox inbox, LiveModel live) : IHealthCheck
{
    private long _droppedAtLastCheck;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        long dropped = inbox.Dropped;
        long newlyDropped = dropped - Interlocked.Exchange(ref _droppedAtLastCheck, dropped);
        var data = new Dictionary<string, object>
        {
            ["phase"] = state.Phase.ToString(),
            ["weightsVersion"] = live.Version,
            ["examplesTrained"] = state.Examples,
            ["accepted"] = inbox.Accepted,
            ["waiting"] = inbox.Waiting,
            ["dropped"] = dropped,
        };
        var result = state.Fault is { } fault
            ? HealthCheckResult.Unhealthy($"The online trainer stopped: {fault.Message}", fault, data)
            : newlyDropped > 0
                ? HealthCheckResult.Degraded($"{newlyDropped} examples dropped since the last check: the channel is full (the trainer cannot keep up).", data: data)
                : HealthCheckResult.Healthy($"Training ({state.Phase}), weights version {live.Version}.", data);
        return Task.FromResult(result);
    }
}
