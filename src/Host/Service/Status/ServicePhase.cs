using System.Text.Json.Serialization;
using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Host.Service.Status;

/// <summary>What the service is doing (status.json's "state", in camelCase).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ServicePhase>))]
public enum ServicePhase
{
    Starting,

    /// <summary>Nothing to train on: the inbox (and standard input) are being watched.</summary>
    Waiting,

    Training,

    Checkpointing,

    /// <summary>A stop was requested: the segment in progress is finishing within the grace period.</summary>
    Stopping,

    Stopped,
}
