using System.Globalization;

namespace HybridSgd.Datasets.Tabular.Text;

/// <summary>How a field of delimited text is judged numeric, matching what TextLoader will read as a Single.</summary>
internal static class NumericText
{
    /// <summary>
    /// Empty, "?" and "NaN" are missing values: TextLoader (with MissingRealsAsNaNs) reads them as NaN and
    /// ReplaceMissingValues fills them with the training mean, so they are not errors.
    /// </summary>
    public static bool IsMissing(string field)
        => field.Length == 0 || field == "?" || field.Equals("NaN", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses a non-missing field with the invariant culture. Infinity, and values too large for a Single, are
    /// refused: they would poison the normalizer's statistics and every weight they touch.
    /// </summary>
    public static bool TryParse(string field, out double value)
        => double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
           && double.IsFinite(value)
           && float.IsFinite((float)value);

    /// <summary>A value such as "1,5" that is a number once its decimal comma is a point.</summary>
    public static bool IsDecimalCommaNumber(string field)
        => field.Contains(',', StringComparison.Ordinal)
           && field.IndexOf(',', StringComparison.Ordinal) == field.LastIndexOf(',')
           && TryParse(field.Replace(',', '.'), out _);

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
