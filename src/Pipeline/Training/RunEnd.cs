using System.Text.Json.Serialization;
using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Pipeline.Training;

/// <summary>Why a run ended (report.json: "converged", "budget", "epochs", "stopped").</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RunEnd>))]
public enum RunEnd
{
    /// <summary>The validation loss stopped improving with k settled (<see cref="StopRule.Converged"/>).</summary>
    Converged,

    /// <summary>The time budget was spent.</summary>
    Budget,

    /// <summary>The planned epochs were done (or the data ran out).</summary>
    Epochs,

    /// <summary>The caller stopped it (Ctrl+C, SIGTERM, a service shutting down).</summary>
    Stopped,
}
