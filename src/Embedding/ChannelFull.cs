namespace HybridSgd.Embedding;

/// <summary>What writing into a full example channel does.</summary>
public enum ChannelFull
{
    /// <summary>The writer waits until the trainer has taken examples out (backpressure on the producer).</summary>
    Wait,

    /// <summary>The oldest waiting example is dropped to make room, and counted in <see cref="ExampleInbox.Dropped"/>.</summary>
    DropOldest,
}
