using HybridSgd.Datasets.Tabular.Text;

namespace HybridSgd.Datasets.Tabular.Inference;

/// <summary>
/// What the label column looks like: its kind and its distinct values, collected in one streaming pass. Distinct
/// values are kept up to <see cref="MaxDistinct"/>, enough to tell classes from a regression target in bounded memory.
/// </summary>
internal sealed class LabelProfile
{
    public const int MaxDistinct = 1000;

    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);
    private readonly HashSet<double> _numbers = [];
    private readonly ColumnProfile _column;

    public LabelProfile(string name, string path)
    {
        Name = name;
        Path = path;
        _column = new ColumnProfile(name);
    }

    public string Name { get; }

    public string Path { get; }

    public TabularColumnKind Kind { get; private set; } = TabularColumnKind.Numeric;

    /// <summary>More than <see cref="MaxDistinct"/> distinct values were seen.</summary>
    public bool Overflowed { get; private set; }

    public bool AllIntegers => _numbers.All(v => Math.Floor(v) == v);

    public int DistinctCount => Kind == TabularColumnKind.Text ? _texts.Count : _numbers.Count;

    /// <summary>Up to <paramref name="count"/> distinct values, sorted, as text.</summary>
    public IReadOnlyList<string> Examples(int count) => Kind == TabularColumnKind.Text
        ? _texts.Order(StringComparer.Ordinal).Take(count).ToList()
        : _numbers.Order().Take(count).Select(NumericText.Format).ToList();

    /// <summary>Adds a label field of delimited text; an empty label is an error, since the row cannot be learned from.</summary>
    public void AddField(string field, long line)
    {
        if (field.Length == 0)
        {
            throw new DatasetFormatException(
                Path, "the label is empty; every training row needs a label (remove the row or fill in its label).", line: line, column: Name);
        }

        _column.Add(field, line);
        if (NumericText.TryParse(field, out double value))
        {
            AddNumber(value);
        }

        if (!Overflowed && _texts.Add(field) && _texts.Count > MaxDistinct)
        {
            Overflowed = true;
        }
    }

    /// <summary>Adds a numeric label (SVMlight, a numeric .idv column).</summary>
    public void AddNumber(double value)
    {
        if (!Overflowed && _numbers.Add(value) && _numbers.Count > MaxDistinct)
        {
            Overflowed = true;
        }
    }

    /// <summary>Adds a text label (a text .idv column).</summary>
    public void AddText(string value)
    {
        Kind = TabularColumnKind.Text;
        if (!Overflowed && _texts.Add(value) && _texts.Count > MaxDistinct)
        {
            Overflowed = true;
        }
    }

    /// <summary>Decides numeric or text for a delimited column (see <see cref="ColumnProfile.Resolve"/>).</summary>
    public void ResolveKind() => Kind = _column.Resolve(Path);
}
