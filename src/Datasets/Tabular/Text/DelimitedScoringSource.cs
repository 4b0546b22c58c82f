using HybridSgd.Datasets.Tabular.Inference;
using Microsoft.ML;

namespace HybridSgd.Datasets.Tabular.Text;

/// <summary>
/// Opens a test or scoring CSV/TSV for a trained spec: the spec's columns by name in any order, each row checked
/// so that no typo becomes a NaN and no unknown class becomes a silently skipped key-0 row.
/// </summary>
internal static class DelimitedScoringSource
{
    /// <summary>The raw view, and whether it has the label column.</summary>
    public static (IDataView Data, bool HasLabel) Open(MLContext ml, TabularSpec spec, string path, bool requireLabel, CancellationToken cancellationToken)
    {
        // The separator is detected again, so a model trained on a CSV can score a TSV.
        char? configured = spec.Separator is { Length: 1 } s ? s[0] : null;
        string? firstLine = File.ReadLines(path).FirstOrDefault();
        char? separator = firstLine is null ? configured : Separators.Detect(firstLine) ?? configured;
        var header = DelimitedHeader.Read(path, separator);

        int[] featureIndices = spec.Features.Select(f => header.IndexOf(f.Name, "a feature the model needs")).ToArray();
        int labelIndex = header.Names.ToList().IndexOf(spec.Label);
        if (labelIndex < 0 && requireLabel)
        {
            header.IndexOf(spec.Label, "the label");
        }

        var labelCheck = labelIndex >= 0 ? new ScoringLabelCheck(spec, path, requireLabel) : null;
        long rows = 0;
        foreach (var row in DelimitedRows.Read(header, cancellationToken))
        {
            for (int k = 0; k < featureIndices.Length; k++)
            {
                TabularColumn feature = spec.Features[k];
                string field = row.Fields[featureIndices[k]];
                if (feature.Kind == TabularColumnKind.Numeric && !NumericText.IsMissing(field) && !NumericText.TryParse(field, out _))
                {
                    throw new DatasetFormatException(
                        path,
                        $"'{field}' is not a number; the model reads column '{feature.Name}' as numeric. Fix the value, or leave the field empty to mark it missing.",
                        line: row.Line,
                        column: feature.Name);
                }
            }

            labelCheck?.Add(row.Fields[labelIndex], row.Line);
            rows++;
        }

        if (rows == 0)
        {
            throw new DatasetFormatException(path, "the file has a header but no data rows.");
        }

        labelCheck?.ThrowIfUnknown();
        var label = labelIndex >= 0 ? (spec.Label, spec.LabelKind, labelIndex) : ((string, TabularColumnKind, int)?)null;
        return (DelimitedLoader.Load(ml, path, header.Separator, spec.RawLayout, spec.Features, featureIndices, label), labelIndex >= 0);
    }
}
