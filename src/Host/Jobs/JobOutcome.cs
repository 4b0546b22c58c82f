namespace HybridSgd.Host.Jobs;

/// <summary>The process exit code, set by the job that ran (0 success, 1 failure). A singleton, not a static.</summary>
internal sealed class JobOutcome
{
    public int ExitCode { get; set; } = 1;
}
