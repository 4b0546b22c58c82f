using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace HybridSgd.Bench.Runs;

/// <summary>
/// An in-process allocation profile: listens to the runtime's GCAllocationTick events (one for roughly every
/// 100 KB allocated, naming the type of the object that crossed the mark) and counts bytes per type. A sample,
/// so it shows where the bytes go, not exact counts.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new();

    public IReadOnlyDictionary<string, long> BytesByType() => new Dictionary<string, long>(_bytesByType);

    /// <summary>The types whose sampled bytes grew most from <paramref name="baseline"/> to <paramref name="sample"/>.</summary>
    public static IReadOnlyList<AllocationSample> Difference(
        IReadOnlyDictionary<string, long> sample, IReadOnlyDictionary<string, long> baseline, int top)
    {
        var growth = sample
            .Select(p => (Type: p.Key, Bytes: p.Value - baseline.GetValueOrDefault(p.Key)))
            .Where(p => p.Bytes > 0)
            .ToArray();
        long total = growth.Sum(p => p.Bytes);
        return growth
            .OrderByDescending(p => p.Bytes)
            .Take(top)
            .Select(p => new AllocationSample(p.Type, p.Bytes, total == 0 ? 0 : p.Bytes / (double)total))
            .ToArray();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
        {
            return;
        }

        int typeIndex = eventData.PayloadNames.IndexOf("TypeName");
        int amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (typeIndex < 0 || amountIndex < 0)
        {
            return;
        }

        string type = eventData.Payload![typeIndex] as string ?? "?";
        long amount = Convert.ToInt64(eventData.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture);
        _bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}

/// <summary>Sampled bytes of one type and their share of all sampled bytes.</summary>
internal sealed record AllocationSample(string Type, long SampledBytes, double Share);
