using System.Diagnostics;

namespace HybridSgd.Bench.Runs;

/// <summary>Process CPU time (every thread), to tell work from idle cores: examples/s alone cannot.</summary>
internal static class CpuTime
{
    public static TimeSpan Now()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    public static double MicrosecondsPerMinibatch(TimeSpan before, long examples, int batchSize) =>
        (Now() - before).TotalMicroseconds / (examples / (double)batchSize);
}
