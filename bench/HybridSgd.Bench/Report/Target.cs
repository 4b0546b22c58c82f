using System.Globalization;

namespace HybridSgd.Bench.Report;

/// <summary>One line of the issue's targets: what was required, what was measured, and the verdict.</summary>
/// <param name="Measured">The measured figures in words (both sides of the comparison).</param>
/// <param name="Value">The compared quantity (a ratio, or an absolute figure where the target is one).</param>
/// <param name="Limit">The target's bound on <paramref name="Value"/>.</param>
/// <param name="AtMost">True when <paramref name="Value"/> must not exceed <paramref name="Limit"/>.</param>
internal sealed record Target(string Name, string Requirement, string Measured, double? Value, double Limit, bool AtMost, string Unit = "×")
{
    public bool Met => Value is { } value && (AtMost ? value <= Limit : value >= Limit);

    public string ValueText => Value is { } value
        ? string.Create(CultureInfo.InvariantCulture, $"{value:0.###}{Unit}")
        : "not reached";

    public string LimitText => string.Create(CultureInfo.InvariantCulture, $"{(AtMost ? "≤" : "≥")} {Limit:0.###}{Unit}");
}
