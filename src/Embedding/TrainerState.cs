namespace HybridSgd.Embedding;

/// <summary>What the online trainer is doing, for the health check (written by the trainer, read by anyone).</summary>
internal sealed class TrainerState
{
    private volatile Exception? _fault;
    private long _examples;
    private int _phase = (int)TrainerPhase.Starting;

    public TrainerPhase Phase => (TrainerPhase)Volatile.Read(ref _phase);

    public Exception? Fault => _fault;

    public long Examples => Interlocked.Read(ref _examples);

    public void Set(TrainerPhase phase) => Volatile.Write(ref _phase, (int)phase);

    /// <summary>Examples the published weights have learned from, over the model's whole life (across restarts).</summary>
    public void Trained(long examples) => Interlocked.Exchange(ref _examples, examples);

    public void Failed(Exception fault)
    {
        _fault = fault;
        Set(TrainerPhase.Failed);
    }
}
