using HybridSgd.Datasets.Tabular.Text;

namespace HybridSgd.Datasets.Tabular.Inference;

/// <summary>
/// Counts, in one streaming pass, how many of a text column's values are numbers, so its kind can be decided
/// without holding the column: all numbers (or missing) is numeric; mostly numbers is a typo to report; mostly
/// text is a categorical column.
/// </summary>
internal sealed class ColumnProfile(string name)
{
    private long _numbers;
    private long _texts;
    private long _firstTextLine;
    private string? _firstText;
    private bool _allTextsDecimalComma = true;

    public string Name { get; } = name;

    public void Add(string field, long line)
    {
        if (NumericText.IsMissing(field))
        {
            return;
        }

        if (NumericText.TryParse(field, out _))
        {
            _numbers++;
            return;
        }

        if (_texts++ == 0)
        {
            _firstText = field;
            _firstTextLine = line;
        }

        _allTextsDecimalComma &= NumericText.IsDecimalCommaNumber(field);
    }

    /// <summary>Counts numbers already judged so (by the byte scan, which sends every other value through <see cref="Add"/>).</summary>
    public void AddNumbers(long count) => _numbers += count;

    /// <summary>Numeric or text, or the error that explains why the column is neither.</summary>
    /// <exception cref="DatasetFormatException">The column is numbers with a few non-numbers, or numbers written with a decimal comma.</exception>
    public TabularColumnKind Resolve(string path)
    {
        if (_texts == 0)
        {
            return TabularColumnKind.Numeric;
        }

        if (_allTextsDecimalComma)
        {
            throw new DatasetFormatException(
                path,
                $"'{_firstText}' is written with a decimal comma; numbers must use a decimal point (invariant culture), " +
                "e.g. '1.5'. Re-export the file with '.' as the decimal separator.",
                line: _firstTextLine,
                column: Name);
        }

        // A column that is mostly numbers is numeric with a typo: one-hot encoding it would hide the typo
        // and turn every distinct number into its own feature.
        if (_numbers >= _texts)
        {
            throw new DatasetFormatException(
                path,
                $"'{_firstText}' is not a number, but {_numbers} of the column's {_numbers + _texts} non-empty values are " +
                $"({_texts} are not). Fix the value, or leave the field empty to mark it missing.",
                line: _firstTextLine,
                column: Name);
        }

        return TabularColumnKind.Text;
    }
}
