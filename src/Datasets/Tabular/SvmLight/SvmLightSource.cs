using HybridSgd.Datasets.Tabular.Inference;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Datasets.Tabular.SvmLight;

/// <summary>Opens SVMlight / LibSVM files with ML.NET's loader after a validating scan.</summary>
internal static class SvmLightSource
{
    public static RawTable OpenTraining(MLContext ml, string path)
    {
        var label = new LabelProfile(DataColumns.Label, path);
        var scan = SvmLightScanner.Scan(path, (value, _) => label.AddNumber(value));
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
        IDataView data = Load(ml, path, featureCount, zeroBased);
        return new RawTable(
            path, data, TabularFormat.SvmLight, null, zeroBased, DataColumns.Label,
            [new TabularColumn(DataColumns.Features, TabularColumnKind.Vector, featureCount)], label, scan.Rows);
    }

    public static IDataView OpenScoring(MLContext ml, TabularSpec spec, string path)
    {
        var check = new ScoringLabelCheck(spec, path, requireLabel: true);
        var scan = SvmLightScanner.Scan(path, check.AddNumber, spec.FeatureCount, spec.ZeroBasedIndices);
        if (scan.Rows == 0)
        {
            throw new DatasetFormatException(path, "the file has no examples (every line is blank or a comment).");
        }

        check.ThrowIfUnknown();
        return Load(ml, path, spec.FeatureCount, spec.ZeroBasedIndices);
    }

    // The feature count is always passed, so a test file with fewer features gets the training file's dimension.
    private static IDataView Load(MLContext ml, string path, int featureCount, bool zeroBased)
        => ml.Data.LoadFromSvmLightFile(path, inputSize: featureCount, zeroBased: zeroBased);
}
