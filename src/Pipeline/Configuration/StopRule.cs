using System.Text.Json.Serialization;

namespace HybridSgd.Pipeline.Configuration;

/// <summary>What ends a training run (<c>Training:Stop</c>). A budget or epochs, when set, cap every rule.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<StopRule>))]
public enum StopRule
{
    /// <summary>
    /// When the loss on a held-out validation slice of the training rows stops improving while k is where the
    /// policy means to end (after the learning rate has been halved on the way). No horizon to guess.
    /// </summary>
    Converged,

    /// <summary>When <c>Training:Budget</c> of wall-clock time is spent.</summary>
    Budget,

    /// <summary>After <c>Training:Epochs</c> passes over the training rows.</summary>
    Epochs,
}
