using System.Globalization;
using System.Text;
using System.Xml;

namespace HybridSgd.Host.Compare;

/// <summary>Number and text formatting for the SVG: invariant culture always, so a German machine writes 0.5, not 0,5.</summary>
internal static class ChartFormat
{
    // Far beyond any plot area, yet short to print: a diverged loss of 1e300 must not become a 300-digit coordinate.
    // Clamping only bends a segment where it is already outside the clip rectangle by thousands of pixels.
    private const double CoordinateLimit = 100_000;

    /// <summary>A coordinate: at most two decimals, never "-0", never NaN.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            // Callers skip non-finite data before mapping; this keeps a slip from writing "NaN" into the file.
            value = 0;
        }

        double clamped = Math.Clamp(value, -CoordinateLimit, CoordinateLimit);
        // Adding +0.0 turns a rounded -0 into +0, which would otherwise print as "-0".
        return (Math.Round(clamped, 2) + 0.0).ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>A tick label with a fixed number of decimals ("0.80", "15").</summary>
    public static string Fixed(double value, int decimals) =>
        (Math.Round(value, decimals) + 0.0).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Text for element content or an attribute value; characters XML cannot hold are dropped.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&apos;"); break;
                default:
                    if (XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A rough width of a text run in pixels. There is no font metrics without a rendering library, so this
    /// slightly overestimates an average sans-serif glyph: layouts err towards more space, not overlaps.
    /// </summary>
    public static double TextWidth(string? text, double fontSize) => (text?.Length ?? 0) * fontSize * 0.56;
}
