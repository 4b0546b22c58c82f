using System.ComponentModel.DataAnnotations;
using HybridSgd.Cluster;
using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Host.Cluster;

/// <summary>
/// Section <c>Cluster</c>: <c>train --cluster</c> runs one Orleans silo in this process, one of <see cref="Silos"/>,
/// training on row shard <see cref="SiloIndex"/>. Rules across fields: <see cref="ClusterOptionsValidator"/>.
/// </summary>
public sealed record ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>Train as one silo of a cluster (<c>--cluster</c>) instead of in this process alone.</summary>
    public bool Enabled { get; init; }

    public ClusterMembership Membership { get; init; } = ClusterMembership.Localhost;

    /// <summary>StackExchange.Redis connection string (<c>localhost:6379</c>) for <see cref="ClusterMembership.Redis"/>.</summary>
    public string Redis { get; init; } = "";

    /// <summary>
    /// The IP address this silo tells the others to reach it at (its own machine's, across machines). Localhost
    /// membership always uses loopback.
    /// </summary>
    public string Address { get; init; } = "127.0.0.1";

    /// <summary>Silo-to-silo port of silo 0; silo i listens on SiloPort + i, so several silos share a machine.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; init; } = 11111;

    /// <summary>Client gateway port of silo 0; silo i listens on GatewayPort + i.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; init; } = 30000;

    /// <summary>Orleans' cluster id: silos with the same one form a cluster (use a new one per run on a shared Redis).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "The field ClusterId must be 1 to 64 letters, digits, '.', '_' or '-'.")]
    public string ClusterId { get; init; } = "hybridsgd";

    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "The field ServiceId must be 1 to 64 letters, digits, '.', '_' or '-'.")]
    public string ServiceId { get; init; } = "hybridsgd";

    /// <summary>The job's parameter-server grain key.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "The field JobId must be 1 to 64 letters, digits, '.', '_' or '-'.")]
    public string JobId { get; init; } = "train";

    /// <summary>Silos the job waits for before training starts; the rows are split into this many shards.</summary>
    [Range(1, 256)]
    public int Silos { get; init; } = 1;

    /// <summary>
    /// This silo's shard (0 … Silos − 1). Silo 0 is the coordinator: it starts the job (its parameter server lives
    /// there), evaluates the final weights on the test set and writes report.json and model.hsgd.
    /// </summary>
    [Range(0, 255)]
    public int SiloIndex { get; init; }

    /// <summary>
    /// How long a silo waits for the others: for the job to be started, for every silo to join, and, at the end, for
    /// the silos' own reports of their runs.
    /// </summary>
    public Duration PeerTimeout { get; init; } = new(TimeSpan.FromMinutes(2));

    /// <summary>
    /// Orleans' membership probe timeout: a silo that answers no probe for MissedProbesLimit of these is voted dead.
    /// Short (Orleans' default is 5 s) so that a killed silo's workers leave k's cap within seconds; on a loaded
    /// network, raise it rather than have a slow silo declared dead.
    /// </summary>
    public Duration ProbeTimeout { get; init; } = new(TimeSpan.FromSeconds(1));

    [Range(1, 10)]
    public int MissedProbesLimit { get; init; } = 2;

    /// <summary>How often progress is logged while the job runs (the coordinator: updates, k, live workers).</summary>
    public Duration StatusInterval { get; init; } = new(TimeSpan.FromSeconds(1));

    /// <summary>The cluster trainer's own settings (<c>Cluster:Training</c>), bound and validated by HybridSgd.Cluster.</summary>
    public ClusterTrainingOptions Training { get; init; } = new();

    /// <summary>Silo 0 starts the job and writes the outputs.</summary>
    public bool IsCoordinator => SiloIndex == 0;
}
