using HybridSgd.Cluster.Contracts;

namespace HybridSgd.Host.Cluster;

/// <summary>The cluster part of report.json, from the parameter server's final status.</summary>
internal static class ClusterSummaries
{
    public static ClusterSummary From(JobStatus status, ClusterMembership membership, int silos, int workersPerSilo, string hostSilo, int parameterCount, double trainSeconds)
    {
        var reported = status.Silos.Where(s => s.Run is not null).Select(s => s.Run!).ToList();
        long pushes = reported.Sum(r => r.Gradients);
        long pulls = reported.Sum(r => r.WeightPulls);
        long wireBytes = reported.Sum(r => r.PayloadBytes + r.PulledBytes);
        var wire = new WireSummary(
            PayloadBytesPerGradient: (long)parameterCount * sizeof(float),
            BytesPerUpdate: status.Updates > 0 ? (double)wireBytes / status.Updates : 0,
            MeanPushMs: pushes > 0 ? reported.Sum(r => r.PushSeconds) * 1000 / pushes : 0,
            MeanPullMs: pulls > 0 ? reported.Sum(r => r.PullSeconds) * 1000 / pulls : 0,
            UpdatesPerSecond: trainSeconds > 0 ? status.Updates / trainSeconds : 0,
            ExamplesPerSecond: trainSeconds > 0 ? status.Examples / trainSeconds : 0);
        var perSilo = status.Silos
            .OrderBy(s => s.Plan?.SiloIndex ?? int.MaxValue)
            .Select(s => new SiloSummary(
                s.Plan?.SiloIndex,
                s.Silo.ToString(),
                s.Workers,
                s.Plan?.PlannedGradients,
                s.GradientsAccepted,
                s.ExamplesAccepted,
                s.Dead,
                s.LostGradients,
                s.LostExamples,
                s.Run?.WeightPulls,
                s.Run is { Gradients: > 0 } run ? run.PushSeconds * 1000 / run.Gradients : null,
                s.Run is { WeightPulls: > 0 } pulled ? pulled.PullSeconds * 1000 / pulled.WeightPulls : null))
            .ToArray();
        long? examplesLost = status.Silos.Aggregate((long?)0, (sum, s) => sum + s.LostExamples);
        return new ClusterSummary(
            membership.ToString().ToLowerInvariant(),
            silos,
            workersPerSilo,
            hostSilo,
            status.Silos.Count(s => s.Dead),
            status.LostWorkers,
            status.LostGradients,
            examplesLost,
            status.DuplicatesRefused,
            status.DuplicateApplications,
            status.SequenceGaps,
            wire,
            perSilo);
    }
}
