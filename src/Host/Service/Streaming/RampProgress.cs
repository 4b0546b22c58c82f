using System.Globalization;
using HybridSgd.Embedding.Checkpoints;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Host.Service.Streaming;

/// <summary>
/// The threshold policy's progress p on an endless stream: training time or updates over the service's whole life
/// (restored from the checkpoint, so a restart does not send k back to 1), divided by <c>Service:RampLength</c>.
/// </summary>
internal static class RampProgress
{
    /// <summary>p for a segment that starts after <paramref name="before"/>.</summary>
    public static Func<RunCounts, double> For(ServiceOptions options, TrainingTotals before)
    {
        if (options.ProgressBy == ProgressBy.Updates)
        {
            double length = long.Parse(options.RampLength, NumberStyles.None, CultureInfo.InvariantCulture);
            long updates = before.Updates;
            return counts => (updates + counts.Updates) / length;
        }

        double seconds = Duration.Parse(options.RampLength).Value.TotalSeconds;
        double trained = before.TrainingSeconds;
        return counts => (trained + counts.Elapsed.TotalSeconds) / seconds;
    }
}
