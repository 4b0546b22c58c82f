using HybridSgd.Pipeline.Data;

namespace HybridSgd.Embedding.Online;

/// <summary>
/// The app's channel as a training run's rows: one epoch that lasts as long as the trainer, its minibatches filled
/// straight from the examples read off the channel (one copy each, from the example's pooled array into the
/// minibatch, which is the copy an in-memory epoch makes too). The epoch ends when the app completes the inbox, or —
/// when the app stops — once the channel is empty: what it held when the stop came is learned from first.
/// </summary>
/// <param name="first">Examples already taken off the channel (the sample the learning rate was estimated from): read first.</param>
/// <param name="appStopping">The host is stopping: from then on the epoch ends as soon as the channel is empty.</param>
internal sealed class ChannelRows(
    ExampleInbox inbox, DenseDataset? first, TimeSpan batchWait, TimeProvider time, TrainerState state, CancellationToken appStopping) : TrainingRows
{
    private int _opened;

    public override int FeatureCount => inbox.FeatureCount;

    /// <summary>Unknown: as many as the app writes.</summary>
    public override long? Count => null;

    /// <summary>None: a bad example is refused at the writer, so every example read is learned from.</summary>
    public override long SkippedRows => 0;

    /// <summary>Rows are learned from in the order they arrived: a stream has no epoch to shuffle.</summary>
    internal override IRowReader OpenEpoch(int epoch, bool shuffle, int seed)
    {
        // The channel is read once: a second epoch would find it drained and wait on it beside the first.
        if (Interlocked.Exchange(ref _opened, 1) != 0)
        {
            throw new InvalidOperationException("The channel's examples are one epoch; train on them with Epochs = 1.");
        }

        return new ChannelRowReader(inbox, first, batchWait, time, state, appStopping);
    }
}
