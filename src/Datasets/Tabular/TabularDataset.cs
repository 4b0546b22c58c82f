using HybridSgd.Datasets.Tabular.Binary;
using HybridSgd.Datasets.Tabular.Featurizing;
using HybridSgd.Datasets.Tabular.Inference;
using HybridSgd.Datasets.Tabular.SvmLight;
using HybridSgd.Datasets.Tabular.Text;
using HybridSgd.Datasets.Tabular.Text.Utf8;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;

namespace HybridSgd.Datasets.Tabular;

/// <summary>
/// Turns CSV/TSV with a header, SVMlight/LibSVM and ML.NET .idv files into the <c>Features</c>/<c>Label</c> views the
/// trainer streams. Files are validated line by line first (so a typo is reported with its line instead of becoming
/// a NaN), then read — a plain, all-numeric CSV/TSV by the parallel byte parser (<c>PlainRowsView</c>, TextLoader's
/// arithmetic), any other by ML.NET's own loaders — and featurized by ML.NET transforms fitted on the training rows only.
/// </summary>
public static class TabularDataset
{
    /// <summary>The largest holdout fraction: at least a tenth of the file must be left to train on.</summary>
    public const double MaxHoldoutFraction = 0.9;

    /// <summary>
    /// Opens the training file (and the test file, or a seeded holdout of the training file when
    /// <paramref name="testPath"/> is null), validates it, infers the schema and the task, fits the featurizer on the
    /// training rows only and applies it unchanged to the test rows.
    /// </summary>
    /// <exception cref="DatasetNotFoundException">A file does not exist.</exception>
    /// <exception cref="DatasetFormatException">A file's content is wrong; the message names the file and the line or column.</exception>
    /// <exception cref="ArgumentException">An option is not valid (format, separator, holdout fraction).</exception>
    /// <param name="cancellationToken">Ends the validating scan of a text file between batches of lines, and the featurizer's fit between rows.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while a file was read.</exception>
    public static TabularSplit Load(
        MLContext ml, string trainPath, string? testPath, TabularOptions options, double holdoutFraction, int seed, CancellationToken cancellationToken = default)
    {
        CheckArguments(ml, trainPath, options, testPath is null ? holdoutFraction : null);
        var (table, trainRaw, holdoutRaw, featurizer, spec) = Fit(ml, trainPath, testPath, options, holdoutFraction, seed, cacheFitRows: false, new ReadBuffers(), cancellationToken);
        TabularFormat format = table.Format;
        IDataView train = featurizer.Apply(trainRaw, hasLabel: true);
        IDataView test = holdoutRaw is null
            ? Score(ml, spec, featurizer, testPath!, requireLabel: true, cancellationToken)
            : featurizer.Apply(holdoutRaw, hasLabel: true);

        if (spec.Task != LearningTask.Regression)
        {
            // Text files were checked line by line; an .idv file and the holdout part can only be checked here.
            if (format == TabularFormat.Idv)
            {
                UnknownLabels.ThrowIfAny(train, trainPath, "the training rows", spec.ClassNames);
            }

            if (holdoutRaw is not null)
            {
                UnknownLabels.ThrowIfAny(test, trainPath, "the holdout", spec.ClassNames);
            }
        }

        long trainRows = testPath is not null && table.Rows is { } rows ? rows : RowCount.Of(train);
        long testRows = RowCount.Of(test);
        if (testRows == 0)
        {
            throw new DatasetFormatException(
                trainPath, $"the holdout (fraction {holdoutFraction}) has no rows; the file has {trainRows} rows. Use a test file or more data.");
        }

        return new TabularSplit(train, test, spec, trainRows, testRows);
    }

    /// <summary>
    /// The spec <see cref="Load"/> would give for <paramref name="trainPath"/> with a seeded holdout — the same
    /// checks, columns, task and featurizer fitted on the same training part — without reading the featurized rows
    /// back (a service needs the schema of its first file, and reads the rows itself). The fit reads a plain numeric
    /// file through the parallel byte parser, any other through one TextLoader pass into a cache (both bounded by
    /// <see cref="PlainRows.MaxValues"/>), instead of TextLoader parsing it once per fitted transform.
    /// </summary>
    /// <exception cref="DatasetNotFoundException">The file does not exist.</exception>
    /// <exception cref="DatasetFormatException">The file's content is wrong; the message names the file and the line or column.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while the file was read.</exception>
    public static TabularSpec DefineSpec(
        MLContext ml, string trainPath, TabularOptions options, double holdoutFraction, int seed, CancellationToken cancellationToken = default)
        => DefineSpec(ml, trainPath, options, holdoutFraction, seed, new ReadBuffers(), cancellationToken);

    /// <summary>
    /// <see cref="DefineSpec(MLContext, string, TabularOptions, double, int, CancellationToken)"/>, reading through
    /// <paramref name="buffers"/>, which then hold the buffers for the stream's readers (see <see cref="ReadBuffers"/>).
    /// </summary>
    public static TabularSpec DefineSpec(
        MLContext ml, string trainPath, TabularOptions options, double holdoutFraction, int seed, ReadBuffers buffers, CancellationToken cancellationToken = default)
    {
        CheckArguments(ml, trainPath, options, holdoutFraction);
        ArgumentNullException.ThrowIfNull(buffers);
        return Fit(ml, trainPath, null, options, holdoutFraction, seed, cacheFitRows: true, buffers, cancellationToken).Spec;
    }

    /// <param name="holdoutFraction">The holdout's share when there is no test file (null when there is one).</param>
    private static void CheckArguments(MLContext ml, string trainPath, TabularOptions options, double? holdoutFraction)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentException.ThrowIfNullOrWhiteSpace(trainPath);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Label);
        if (holdoutFraction is { } fraction && !(fraction > 0 && fraction <= MaxHoldoutFraction))
        {
            throw new ArgumentOutOfRangeException(
                nameof(holdoutFraction), fraction, $"The holdout fraction must be in (0, {MaxHoldoutFraction}] when there is no test file.");
        }
    }

    /// <summary>Opens and validates the training file, sets the holdout apart when there is no test file, and fits the featurizer.</summary>
    private static (RawTable Table, IDataView TrainRaw, IDataView? HoldoutRaw, FittedFeaturizer Featurizer, TabularSpec Spec) Fit(
        MLContext ml, string trainPath, string? testPath, TabularOptions options, double holdoutFraction, int seed, bool cacheFitRows, ReadBuffers buffers,
        CancellationToken cancellationToken)
    {
        TabularFormat format = FormatResolver.Resolve(options.Format, trainPath);
        _ = Separators.Parse(options.Separator);
        RequireFile(trainPath, "training");
        if (testPath is not null)
        {
            RequireFile(testPath, "test");
        }

        RawTable table = format switch
        {
            TabularFormat.SvmLight => SvmLightSource.OpenTraining(ml, trainPath, cancellationToken),
            TabularFormat.Idv => IdvSource.OpenTraining(ml, trainPath, options),
            _ => DelimitedTrainingSource.Open(ml, trainPath, options, byteView: true, buffers, cancellationToken),
        };
        var (task, reason) = TaskInference.Choose(table.Profile, options.Task);

        IDataView trainRaw = table.Data;
        IDataView? holdoutRaw = null;
        if (testPath is null)
        {
            // Split before fitting: the normalizer and the class list must not see the holdout rows.
            var split = ml.Data.TrainTestSplit(table.Data, testFraction: holdoutFraction, seed: seed);
            trainRaw = split.TrainSet;
            holdoutRaw = split.TestSet;
        }

        // Numeric features as one vector: one pass gathers what every fitted transform learns (OnePassFit), so the rows
        // are read once, a plain file through the parallel byte parser (PlainRowsView). Otherwise each fitted transform
        // (label keys, missing-value means, the normalizer) reads the rows again, through one TextLoader pass into a
        // cache — not for train, which keeps only its featurized rows, nor for a file too large to cache.
        var normalization = NormalizationChoice.For(options.Normalization, table.Rows ?? table.Data.GetRowCount());
        bool cache = cacheFitRows && table.Data is not PlainRowsView && !OnePassFit.Fits(table, trainRaw.Schema, normalization)
            && table.Rows * table.Features.Count <= PlainRows.MaxValues;
        IDataView fitRows = new CancellableView(cache ? ml.Data.Cache(trainRaw) : trainRaw, cancellationToken);
        var (featurizer, spec) = CancellableView.Fitting(() => SpecBuilder.Fit(ml, table, fitRows, task, reason, normalization), cancellationToken);
        return (table, trainRaw, holdoutRaw, featurizer, spec);
    }

    /// <summary>
    /// Opens a file to evaluate or predict on with a saved spec: the same columns by name (order may differ), validated
    /// the same way, featurized by the spec's fitted transformers. The label is optional unless <paramref name="requireLabel"/>;
    /// when present it becomes <c>Label</c> and every value must be one the model was trained on.
    /// </summary>
    /// <exception cref="DatasetNotFoundException">The file does not exist.</exception>
    /// <exception cref="DatasetFormatException">The file lacks a needed column or has a bad value; the message names file and line.</exception>
    /// <param name="cancellationToken">Ends the validating scan of a text file between batches of lines, and the featurizer's fit between rows.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while the file was read.</exception>
    public static IDataView LoadForScoring(MLContext ml, TabularSpec spec, string path, bool requireLabel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        RequireFile(path, "scoring");
        return Score(ml, spec, FittedFeaturizer.FromSpec(ml, spec), path, requireLabel, cancellationToken);
    }

    private static IDataView Score(MLContext ml, TabularSpec spec, FittedFeaturizer featurizer, string path, bool requireLabel, CancellationToken cancellationToken)
    {
        var (raw, hasLabel) = spec.Format switch
        {
            TabularFormat.SvmLight => (SvmLightSource.OpenScoring(ml, spec, path, cancellationToken), true),
            TabularFormat.Idv => IdvSource.OpenScoring(ml, spec, path, requireLabel),
            _ => DelimitedScoringSource.Open(ml, spec, path, requireLabel, cancellationToken),
        };

        IDataView featurized = featurizer.Apply(raw, hasLabel);
        if (hasLabel && spec.Format == TabularFormat.Idv && spec.Task != LearningTask.Regression)
        {
            UnknownLabels.ThrowIfAny(featurized, path, "the file", spec.ClassNames);
        }

        return featurized;
    }

    private static void RequireFile(string path, string role)
    {
        if (!File.Exists(path))
        {
            throw new DatasetNotFoundException($"The {role} file '{Path.GetFullPath(path)}' does not exist.", Path.GetFullPath(path));
        }
    }
}
