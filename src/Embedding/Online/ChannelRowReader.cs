using System.Threading.Channels;
using HybridSgd.Pipeline.Data;

namespace HybridSgd.Embedding.Online;

/// <summary>
/// The one epoch over the app's channel: each row is copied out of the example's pooled array into the loader's
/// minibatch and the array goes straight back to the inbox. When the channel runs dry the loader waits here — for
/// as long as it takes with an empty minibatch, for <see cref="HybridSgdOptions.BatchWait"/> with a partly filled one.
/// </summary>
internal sealed class ChannelRowReader(
    ExampleInbox inbox, DenseDataset? first, TimeSpan batchWait, TimeProvider time, TrainerState state, CancellationToken appStopping) : IArrivingRowReader
{
    private readonly ChannelReader<Example> _channel = inbox.Reader;
    private int _firstRow;

    public long SkippedRows => 0;

    public bool TryRead(Span<float> features, out float label)
    {
        if (first is not null && _firstRow < first.Count)
        {
            first.Row(_firstRow).CopyTo(features);
            label = first.Labels[_firstRow++];
            return true;
        }

        if (!inbox.TryTake(out var example))
        {
            label = float.NaN;
            return false;
        }

        example.Features.AsSpan(0, features.Length).CopyTo(features);
        label = example.Label;
        inbox.Release(example);
        return true;
    }

    public async ValueTask<RowArrival> WaitAsync(bool holdingRows, CancellationToken stop)
    {
        if (appStopping.IsCancellationRequested)
        {
            // TryRead has just found the channel empty after the stop: everything it held then has been read.
            return RowArrival.Ended;
        }

        if (!holdingRows)
        {
            state.Set(TrainerPhase.Waiting);
        }

        // A timer only while a minibatch is held: an idle trainer waits on the channel alone.
        using var quiet = holdingRows ? new CancellationTokenSource(batchWait, time) : null;
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stop, appStopping, quiet?.Token ?? CancellationToken.None);
        try
        {
            if (!await _channel.WaitToReadAsync(wake.Token).ConfigureAwait(false))
            {
                return RowArrival.Ended;
            }

            state.Set(TrainerPhase.Training);
            return RowArrival.Ready;
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            // The app is stopping: read what is left (the next wait, finding it all read, ends the epoch). Otherwise
            // the batch wait is over: the rows held go now.
            return appStopping.IsCancellationRequested ? RowArrival.Ready : RowArrival.Quiet;
        }
    }

    public void Dispose()
    {
    }
}
