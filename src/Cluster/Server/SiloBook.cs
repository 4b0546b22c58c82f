using HybridSgd.Cluster.Contracts;

namespace HybridSgd.Cluster.Server;

/// <summary>
/// Each silo's part of a job: its plan, its workers, what of it was accepted, whether it died and its own report
/// of the run. Not thread-safe: only the grain's turns touch it.
/// </summary>
internal sealed class SiloBook
{
    private readonly List<Entry> _silos = [];

    public void Plan(SiloAddress silo, SiloPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var entry = Find(silo);
        if (entry.Plan is not null && entry.Plan != plan)
        {
            throw new InvalidOperationException($"Silo {silo} announced its plan twice, differently ({entry.Plan} then {plan}).");
        }

        if (_silos.FirstOrDefault(other => other != entry && other.Plan?.SiloIndex == plan.SiloIndex) is { } twin)
        {
            throw new InvalidOperationException($"Silos {twin.Silo} and {silo} both claim shard {plan.SiloIndex}: each silo needs its own --silo-index.");
        }

        entry.Plan = plan;
    }

    public void WorkerRegistered(SiloAddress silo) => Find(silo).Workers++;

    public void Accepted(SiloAddress silo, int examples)
    {
        var entry = Find(silo);
        entry.Gradients++;
        entry.Examples += examples;
    }

    /// <summary>Marks <paramref name="silo"/> dead; returns the examples of its plan that were never accepted (0 without a plan).</summary>
    public long Died(SiloAddress silo)
    {
        var entry = Find(silo);
        entry.Dead = true;
        return Tally(entry).LostExamples ?? 0;
    }

    public void Reported(SiloAddress silo, SiloRunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Find(silo).Run = report;
    }

    public IReadOnlyList<SiloTally> Tallies() => [.. _silos.Select(Tally)];

    private static SiloTally Tally(Entry s) => new(s.Silo, s.Plan, s.Workers, s.Gradients, s.Examples, s.Dead, s.Run);

    private Entry Find(SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var entry = _silos.FirstOrDefault(s => s.Silo.Equals(silo));
        if (entry is null)
        {
            entry = new Entry(silo);
            _silos.Add(entry);
        }

        return entry;
    }

    private sealed class Entry(SiloAddress silo)
    {
        public SiloAddress Silo { get; } = silo;

        public SiloPlan? Plan { get; set; }

        public int Workers { get; set; }

        public long Gradients { get; set; }

        public long Examples { get; set; }

        public bool Dead { get; set; }

        public SiloRunReport? Run { get; set; }
    }
}
