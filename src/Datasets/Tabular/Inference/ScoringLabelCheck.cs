using System.Globalization;
using HybridSgd.Datasets.Tabular.Text;
using HybridSgd.Pipeline.Data;

namespace HybridSgd.Datasets.Tabular.Inference;

/// <summary>Checks label fields against the trained classes, counting the unknown ones.</summary>
internal sealed class ScoringLabelCheck(TabularSpec spec, string path, bool requireLabel)
{
    private readonly HashSet<string> _texts = new(spec.ClassNames, StringComparer.Ordinal);
    private readonly HashSet<float> _numbers = spec.LabelKind == TabularColumnKind.Numeric
        ? spec.ClassNames.Select(c => (float)double.Parse(c, CultureInfo.InvariantCulture)).ToHashSet()
        : [];

    private long _unknown;
    private long _firstLine;
    private string? _firstValue;

    public void Add(string field, long line)
    {
        if (field.Length == 0)
        {
            if (requireLabel)
            {
                throw new DatasetFormatException(path, "the label is empty; every row of a file to evaluate on needs a label.", line: line, column: spec.Label);
            }

            return;
        }

        bool numeric = NumericText.TryParse(field, out double value);
        if (spec.LabelKind == TabularColumnKind.Numeric && !numeric)
        {
            throw new DatasetFormatException(path, $"'{field}' is not a number; the label was numeric in training.", line: line, column: spec.Label);
        }

        bool known = spec.Task == LearningTask.Regression
            || (spec.LabelKind == TabularColumnKind.Numeric ? _numbers.Contains((float)value) : _texts.Contains(field));
        Count(known, field, line);
    }

    /// <summary>Adds an SVMlight label, already parsed.</summary>
    public void AddNumber(double value, long line)
        => Count(spec.Task == LearningTask.Regression || _numbers.Contains((float)value), NumericText.Format(value), line);

    private void Count(bool known, string value, long line)
    {
        if (!known && _unknown++ == 0)
        {
            _firstLine = line;
            _firstValue = value;
        }
    }

    public void ThrowIfUnknown()
    {
        if (_unknown > 0)
        {
            throw new DatasetFormatException(
                path,
                $"label '{_firstValue}' was not in the training data ({_unknown} row(s) have a label the model does not know, the first " +
                $"on line {_firstLine}); the classes are: {string.Join(", ", spec.ClassNames)}.",
                line: _firstLine,
                column: spec.Label);
        }
    }
}
