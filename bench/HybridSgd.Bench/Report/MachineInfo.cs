using System.Runtime;
using System.Runtime.InteropServices;

namespace HybridSgd.Bench.Report;

/// <summary>What the figures were measured on: they mean little without it.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Os, string Runtime, string Gc, bool TieredCompilation)
{
    public static MachineInfo Current() => new(
        CpuModel(),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        GCSettings.IsServerGC ? "server" : "workstation" + (GCSettings.LatencyMode == GCLatencyMode.Interactive ? ", concurrent" : ""),
        AppContext.TryGetSwitch("System.Runtime.TieredCompilation", out bool tiered) ? tiered : true);

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            foreach (string line in File.ReadLines(cpuInfo))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':') is int colon and > 0)
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
