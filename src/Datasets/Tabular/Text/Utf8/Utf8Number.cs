namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>
/// Parses a trimmed UTF-8 field as a Single exactly as ML.NET's TextLoader does, without allocating: the decimal
/// digits into a 64-bit integer (digits past its capacity dropped, as TextLoader drops them), then that integer as a
/// double times a double power of ten, then rounded to Single.
/// </summary>
/// <remarks>
/// Why hand-written, not csFastFloat or Sep (measured, docs/SERVICE.md "Parser choice"): it was the fastest of the
/// three on the Fashion-MNIST CSV, and it is TextLoader's arithmetic by construction. A correctly rounded parser
/// (csFastFloat, float.Parse) rounds once where TextLoader rounds twice, so it may differ in the last bit, and the
/// service must featurize a row as <c>train</c>, <c>evaluate</c> and the ML.NET path do. The accepted grammar is
/// double.TryParse's with NumberStyles.Float (what the old line check accepted): [sign] digits [. digits]
/// [(e|E) [sign] digits], at least one mantissa digit.
/// </remarks>
internal static class Utf8Number
{
    // TextLoader stops taking digits when one more could overflow the integer.
    private const ulong MantissaCap = (ulong.MaxValue - 9) / 10;

    // Beyond these the Single is infinite (10^39) or zero (10^-65 times any 64-bit mantissa).
    private static readonly double[] PositivePowers = Powers(39, negative: false);
    private static readonly double[] NegativePowers = Powers(65, negative: true);

    /// <summary>
    /// The field of <paramref name="line"/> at <paramref name="start"/> when it is one to seven ASCII digits ended by
    /// <paramref name="separator"/> or the line's end — nearly every field of a pixel or count file: its
    /// <paramref name="value"/> (what <see cref="TryParse"/> gives it: below 2^24 the integer is its own Single) and
    /// its <paramref name="end"/>, found in the same pass over its bytes. False for any other field (blanks, a sign, a
    /// point, an exponent, more digits, empty), which the caller reads the general way.
    /// </summary>
    /// <remarks>
    /// Why: the general way — find the separator, trim, classify, parse — costs several calls per field, and on a
    /// 784-pixel row the fields are one to three digits: this one loop is what made a segment's parse about twice as fast.
    /// </remarks>
    public static bool TryDigits(ReadOnlySpan<byte> line, int start, byte separator, out float value, out int end)
    {
        uint result = 0;
        int i = start;
        int limit = Math.Min(line.Length, start + 7);
        uint d;
        while (i < limit && (d = (uint)(line[i] - '0')) <= 9)
        {
            result = (10 * result) + d;
            i++;
        }

        value = result;
        end = i;
        return i > start && (i == line.Length || line[i] == separator);
    }

    /// <summary>False when <paramref name="text"/> is not a number in the grammar above.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out float value)
    {
        // Up to seven plain digits (pixels, counts, codes): below 2^24 the integer is its own Single, which is what
        // the general path computes (the integer as a double, times 10^0, rounded to Single).
        if (text.Length is > 0 and <= 7 && SmallInteger(text) is { } small)
        {
            value = small;
            return true;
        }

        value = 0;
        int i = 0;
        bool negative = false;
        if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }

        ulong mantissa = 0;
        long exponent = 0;
        bool digits = false;
        uint d;
        while (i < text.Length && (d = (uint)(text[i] - '0')) <= 9)
        {
            digits = true;
            if (mantissa < MantissaCap)
            {
                mantissa = (10 * mantissa) + d;
            }
            else
            {
                exponent++;
            }

            i++;
        }

        if (i < text.Length && text[i] == (byte)'.')
        {
            i++;
            while (i < text.Length && (d = (uint)(text[i] - '0')) <= 9)
            {
                digits = true;
                if (mantissa < MantissaCap)
                {
                    mantissa = (10 * mantissa) + d;
                    exponent--;
                }

                i++;
            }
        }

        if (!digits)
        {
            return false;
        }

        if (i < text.Length && (text[i] | 0x20) == (byte)'e')
        {
            i++;
            bool negativeExponent = false;
            if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
            {
                negativeExponent = text[i] == (byte)'-';
                i++;
            }

            long e = 0;
            bool exponentDigits = false;
            while (i < text.Length && (d = (uint)(text[i] - '0')) <= 9)
            {
                exponentDigits = true;
                if (e < long.MaxValue / 100)
                {
                    e = (10 * e) + d;
                }

                i++;
            }

            if (!exponentDigits)
            {
                return false;
            }

            exponent += negativeExponent ? -e : e;
        }

        if (i != text.Length)
        {
            return false;
        }

        value = Scale(mantissa, exponent);
        if (negative)
        {
            value = -value;
        }

        return true;
    }

    private static float Scale(ulong mantissa, long exponent)
    {
        if (mantissa == 0)
        {
            return 0;
        }

        double power;
        if (exponent >= 0)
        {
            if (exponent > PositivePowers.Length)
            {
                return float.PositiveInfinity;
            }

            power = exponent == 0 ? 1 : PositivePowers[exponent - 1];
        }
        else
        {
            if (-exponent > NegativePowers.Length)
            {
                return 0;
            }

            power = NegativePowers[-exponent - 1];
        }

        // Through long, as TextLoader converts (its comment: ulong to double once rounded wrongly); a mantissa of 2^63
        // or more is halved first, keeping its lowest bit sticky so a tie is not made where there was none.
        double scaled = mantissa <= long.MaxValue ? (long)mantissa : 2.0 * (long)((mantissa >> 1) | (mantissa & 1));
        return (float)(power * scaled);
    }

    private static double[] Powers(int count, bool negative)
    {
        var powers = new double[count];
        for (int n = 1; n <= count; n++)
        {
            // The correctly rounded double of 10^±n; the equivalence tests check the results against TextLoader's own.
            powers[n - 1] = double.Parse(negative ? $"1e-{n}" : $"1e{n}", System.Globalization.CultureInfo.InvariantCulture);
        }

        return powers;
    }

    /// <summary>The digits as an integer, or null when a byte is not a digit.</summary>
    private static uint? SmallInteger(ReadOnlySpan<byte> digits)
    {
        uint result = 0;
        foreach (byte b in digits)
        {
            uint d = (uint)(b - '0');
            if (d > 9)
            {
                return null;
            }

            result = (10 * result) + d;
        }

        return result;
    }
}
