namespace HybridSgd.Cluster.Server;

/// <summary>The exactly-once ledger's counters, read as one consistent copy.</summary>
internal readonly record struct LedgerCounts(long Accepted, long Applied, long DuplicatesRefused, long DuplicateApplications, long Gaps);
