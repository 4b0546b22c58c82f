using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Optimization;

namespace HybridSgd.Embedding.Online;

/// <summary>What the trainer reads off the channel before its run starts: the first example, and a learning-rate sample.</summary>
internal static class FirstExamples
{
    /// <summary>
    /// Waits for the first example. False when none will come: the app completed the inbox, or is stopping, with
    /// the channel empty (so an app that stops before writing anything trains nothing and writes no checkpoint).
    /// </summary>
    public static async Task<bool> ArrivedAsync(ExampleInbox inbox, CancellationToken appStopping)
    {
        try
        {
            return await inbox.Reader.WaitToReadAsync(appStopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (appStopping.IsCancellationRequested)
        {
            // Stopping: what the channel holds is still learned from.
            return inbox.Reader.TryPeek(out _);
        }
    }

    /// <summary>
    /// Up to the rows the learning-rate estimate reads: what the channel holds, then what comes within
    /// <paramref name="wait"/>. They are out of the channel, so the run reads them first (see <see cref="ChannelRows"/>).
    /// </summary>
    public static async Task<DenseDataset> SampleAsync(ExampleInbox inbox, TimeSpan wait, TimeProvider time, CancellationToken appStopping)
    {
        int width = inbox.FeatureCount;
        var features = new float[LearningRateEstimate.SampleRows * width];
        var labels = new float[LearningRateEstimate.SampleRows];
        int count = 0;
        void Drain()
        {
            while (count < labels.Length && inbox.TryTake(out var example))
            {
                example.Features.AsSpan(0, width).CopyTo(features.AsSpan(count * width, width));
                labels[count++] = example.Label;
                inbox.Release(example);
            }
        }

        Drain();
        if (count < labels.Length && !appStopping.IsCancellationRequested)
        {
            using var quiet = new CancellationTokenSource(wait, time);
            using var more = CancellationTokenSource.CreateLinkedTokenSource(appStopping, quiet.Token);
            try
            {
                while (count < labels.Length && await inbox.Reader.WaitToReadAsync(more.Token).ConfigureAwait(false))
                {
                    Drain();
                }
            }
            catch (OperationCanceledException) when (more.IsCancellationRequested)
            {
                // The wait is over: estimate from what came.
            }
        }

        return DenseDataset.FromRows(features.AsSpan(0, count * width).ToArray(), labels.AsSpan(0, count).ToArray(), width);
    }
}
