using System.Net;
using Microsoft.Extensions.Options;

namespace HybridSgd.Host.Cluster;

/// <summary>The rules of <see cref="ClusterOptions"/> that span fields; each failure names its key.</summary>
internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    private const string Section = ClusterOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>True when the options can configure a silo (the host is built with them before they are validated).</summary>
    public static bool CanConfigure(ClusterOptions options) => !Failures(options).Any();

    private static IEnumerable<string> Failures(ClusterOptions options)
    {
        if (options.SiloIndex >= options.Silos)
        {
            yield return $"{Section}SiloIndex is {options.SiloIndex}, but there are {options.Silos} silos ({Section}Silos): the index must be 0 … {options.Silos - 1}.";
        }

        if (!Enum.IsDefined(options.Membership))
        {
            yield return $"{Section}Membership must be Localhost or Redis, not {options.Membership}.";
        }

        if (options.Membership == ClusterMembership.Redis && string.IsNullOrWhiteSpace(options.Redis))
        {
            yield return $"{Section}Redis is empty, but {Section}Membership is Redis: give the connection string (e.g. --redis localhost:6379).";
        }

        if (!IPAddress.TryParse(options.Address, out _))
        {
            yield return $"{Section}Address '{options.Address}' is not an IP address (the address the other silos reach this one at, e.g. 10.0.0.5).";
        }

        // Silo i listens on SiloPort + i and GatewayPort + i.
        if (options.SiloPort + options.Silos - 1 > IPEndPoint.MaxPort || options.GatewayPort + options.Silos - 1 > IPEndPoint.MaxPort)
        {
            yield return $"{Section}SiloPort and {Section}GatewayPort plus {options.Silos - 1} (the last silo's offset) must stay below {IPEndPoint.MaxPort + 1}.";
        }

        bool overlap = options.SiloPort < options.GatewayPort + options.Silos && options.GatewayPort < options.SiloPort + options.Silos;
        if (overlap)
        {
            yield return $"{Section}SiloPort {options.SiloPort} and {Section}GatewayPort {options.GatewayPort} overlap for {options.Silos} silos (silo i uses each + i).";
        }

        foreach (var (key, value) in new[] { ("PeerTimeout", options.PeerTimeout.Value), ("ProbeTimeout", options.ProbeTimeout.Value), ("StatusInterval", options.StatusInterval.Value) })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(1))
            {
                yield return $"{Section}{key} must be between 0 and 1 hour, not {value}.";
            }
        }
    }
}
