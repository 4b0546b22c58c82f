using System.ComponentModel;
using System.Globalization;

namespace HybridSgd.Pipeline.Configuration;

/// <summary>
/// A time span written the way people type it: "10s", "1.5m", "250ms", "2h", or "00:00:10". Bound from
/// configuration through <see cref="DurationConverter"/>, so a bad value fails at start with its key named.
/// </summary>
[TypeConverter(typeof(DurationConverter))]
public readonly record struct Duration(TimeSpan Value)
{
    public static Duration Parse(string text)
    {
        if (TryParse(text, out var duration))
        {
            return duration;
        }

        throw new FormatException(
            $"'{text}' is not a duration: use a number with a unit (e.g. 10s, 250ms, 1.5m, 2h) or hh:mm:ss.");
    }

    public static bool TryParse(string? text, out Duration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Contains(':'))
        {
            if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
            {
                duration = new Duration(span);
                return true;
            }

            return false;
        }

        (string unit, double seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (unit, seconds) in units)
        {
            if (text.EndsWith(unit, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                && amount >= 0 && double.IsFinite(amount))
            {
                duration = new Duration(TimeSpan.FromSeconds(amount * seconds));
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
