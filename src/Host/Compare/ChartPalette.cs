using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ScottPlot;

namespace HybridSgd.Host.Compare;

/// <summary>
/// One colour per label for the whole chart, so a method has the same colour in every panel and the legend.
/// </summary>
/// <remarks>
/// Known methods always get their own colour (sync blue, async orange, hybrid green, adaptive purple, SDCA red), so figures
/// from different runs read the same at a glance. A label is matched by the beginnings of its words. A second
/// label naming the same method, and every other label, takes the next free colour of a fixed list, in the
/// order the labels are first asked for.
/// </remarks>
internal sealed partial class ChartPalette
{
    private static readonly ImmutableArray<(string Word, string Colour)> Known =
    [
        ("async", "#e6730b"),
        ("sync", "#1f6fb4"),
        ("hybrid", "#2a9d3a"),
        ("adaptive", "#8c5fc0"),
        ("sdca", "#d62728"),
    ];

    private static readonly ImmutableArray<string> Others =
        ["#8c564b", "#d957b3", "#6b6b6b", "#a5a21a", "#17a3b8", "#393b79", "#ad494a"];

    private readonly Dictionary<string, Color> _assigned = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownTaken = new(StringComparer.Ordinal);
    private int _nextOther;

    public Color ColourOf(string label)
    {
        if (_assigned.TryGetValue(label, out var colour))
        {
            return colour;
        }

        colour = Color.FromHex(KnownColour(label) ?? Others[_nextOther++ % Others.Length]);
        _assigned.Add(label, colour);
        return colour;
    }

    private string? KnownColour(string label)
    {
        // Whole-word prefixes, so "asynchronous" is async and "synchronous" is sync, and "async" never reads as sync.
        var words = NonWord().Split(label.ToLowerInvariant());
        foreach (var (word, colour) in Known)
        {
            if (words.Any(w => w.StartsWith(word, StringComparison.Ordinal)))
            {
                // The method's colour may already belong to an earlier label; this one must then look different.
                return _knownTaken.Add(word) ? colour : null;
            }
        }

        return null;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
