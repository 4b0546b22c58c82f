namespace HybridSgd.Embedding;

/// <summary>What the online trainer is doing.</summary>
public enum TrainerPhase
{
    Starting,

    /// <summary>The channel is empty: nothing to learn from.</summary>
    Waiting,

    Training,

    Stopped,

    /// <summary>The training loop failed: predictions go on with the last weights, nothing more is learned.</summary>
    Failed,
}
