namespace HybridSgd.Host.Jobs;

/// <summary>One verb of the command line: runs once, stops gracefully on the token.</summary>
internal interface IJob
{
    Task RunAsync(CancellationToken stop);
}
