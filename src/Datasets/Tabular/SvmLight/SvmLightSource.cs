using HybridSgd.Datasets.Tabular.Inference;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;

namespace HybridSgd.Datasets.Tabular.SvmLight;

/// <summary>Opens SVMlight / LibSVM files: a validating scan whose rows become the view (see <see cref="SvmLightRows"/>).</summary>
internal static class SvmLightSource
{
    public static RawTable OpenTraining(MLContext ml, string path, CancellationToken cancellationToken)
    {
        var label = new LabelProfile(DataColumns.Label, path);
        var scan = SvmLightScanner.Scan(path, (value, _) => label.AddNumber(value), keep: true, cancellationToken: cancellationToken);
        if (scan.Rows == 0)
        {
            throw new DatasetFormatException(path, "the file has no examples (every line is blank or a comment).");
        }

        if (scan.MaxIndex < 0 || (scan.MaxIndex == 0 && !scan.SawZeroIndex))
        {
            throw new DatasetFormatException(path, "no line has a feature (index:value); there is nothing to learn from.");
        }

        bool zeroBased = scan.SawZeroIndex;
        int featureCount = checked((int)(zeroBased ? scan.MaxIndex + 1 : scan.MaxIndex));
        IDataView data = SvmLightRows.ToDataView(ml, scan.Kept!, featureCount, zeroBased);
        return new RawTable(
            path, data, TabularFormat.SvmLight, null, zeroBased, DataColumns.Label,
            [new TabularColumn(DataColumns.Features, TabularColumnKind.Vector, featureCount)], label, scan.Rows);
    }

    public static IDataView OpenScoring(MLContext ml, TabularSpec spec, string path, CancellationToken cancellationToken)
    {
        var check = new ScoringLabelCheck(spec, path, requireLabel: true);
        var scan = SvmLightScanner.Scan(path, check.AddNumber, spec.FeatureCount, spec.ZeroBasedIndices, keep: true, cancellationToken);
        if (scan.Rows == 0)
        {
            throw new DatasetFormatException(path, "the file has no examples (every line is blank or a comment).");
        }

        check.ThrowIfUnknown();

        // The training dimension is used, so a test file with fewer features still has the same Features length.
        return SvmLightRows.ToDataView(ml, scan.Kept!, spec.FeatureCount, spec.ZeroBasedIndices);
    }
}
