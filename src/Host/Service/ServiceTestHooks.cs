namespace HybridSgd.Host.Service;

/// <summary>
/// A seam for the crash tests only: registered by a test, never by the host. With <see cref="SkipFinalCheckpoint"/>
/// a stop behaves like <c>kill -9</c> as far as the model directory can tell: nothing is written on the way out.
/// </summary>
internal sealed class ServiceTestHooks
{
    public bool SkipFinalCheckpoint { get; init; }
}
