using HybridSgd.Datasets.Tabular.Inference;
using HybridSgd.Datasets.Tabular.Text.Utf8;
using Microsoft.ML;

namespace HybridSgd.Datasets.Tabular.Text;

/// <summary>
/// Opens a training CSV/TSV: reads the header, picks the label and features by name, scans every row once to
/// validate it and decide each column's kind (from the UTF-8 bytes, in parallel: <see cref="ProfileScan"/>), then hands
/// the file to TextLoader.
/// </summary>
internal static class DelimitedTrainingSource
{
    /// <param name="byteView">
    /// Give a plain, all-numeric file (up to <see cref="PlainRows.MaxValues"/>) as a view read by the parallel byte parser
    /// (<see cref="PlainRowsView"/>) rather than by TextLoader — the same values, parsed in parallel: the
    /// featurizer's fit, <c>train</c>'s read of the featurized rows and its holdout all pass over the file. False only
    /// to compare the two readers.
    /// </param>
    /// <param name="buffers">The buffers of the scan and the byte view's passes (the caller's, to hand on to later readers).</param>
    public static RawTable Open(MLContext ml, string path, TabularOptions options, bool byteView, ReadBuffers buffers, CancellationToken cancellationToken)
    {
        var header = DelimitedHeader.Read(path, Separators.Parse(options.Separator));
        int labelIndex = header.IndexOf(options.Label, "the label");
        int[] featureIndices = FeatureIndices(header, options, labelIndex);

        var label = new LabelProfile(options.Label, path);
        var profiles = featureIndices.Select(i => new ColumnProfile(header.Names[i])).ToArray();

        var (rows, textLines) = LineSource.IsUtf16(path)
            ? (ScanText(header, labelIndex, featureIndices, label, profiles, cancellationToken), -1)
            : ProfileScan.Run(header, labelIndex, featureIndices, label, profiles, buffers, cancellationToken);
        if (rows == 0)
        {
            throw new DatasetFormatException(path, "the file has a header but no data rows.");
        }

        label.ResolveKind();
        var features = profiles.Select(p => new TabularColumn(p.Name, p.Resolve(path))).ToArray();

        var layout = RawColumns.LayoutFor(features);
        IDataView? plain = byteView && textLines == 0 && layout == RawFeatureLayout.NumericVector && rows * featureIndices.Length <= PlainRows.MaxValues
            ? PlainRows.View(header, labelIndex, featureIndices, options.Label, label.Kind == TabularColumnKind.Text, rows, buffers)
            : null;
        IDataView data = plain ?? DelimitedLoader.Load(ml, path, header.Separator, layout, features, featureIndices, (options.Label, label.Kind, labelIndex));
        return new RawTable(
            path, data, DelimitedLoader.FormatOf(header.Separator), header.Separator.ToString(), false, options.Label, features, label, rows)
        {
            Layout = layout,
        };
    }

    /// <summary>The scan line by line through a StreamReader, for a UTF-16 file (the byte scan reads UTF-8 and ASCII).</summary>
    private static long ScanText(
        DelimitedHeader header, int labelIndex, int[] featureIndices, LabelProfile label, ColumnProfile[] profiles, CancellationToken cancellationToken)
    {
        long rows = 0;
        foreach (var row in DelimitedRows.Read(header, cancellationToken))
        {
            ProfileScan.AddRow(row.Fields, row.Line, labelIndex, featureIndices, label, profiles);
            rows++;
        }

        return rows;
    }

    private static int[] FeatureIndices(DelimitedHeader header, TabularOptions options, int labelIndex)
    {
        int[] indices = options.Features is null
            ? Enumerable.Range(0, header.Names.Count).Where(i => i != labelIndex).ToArray()
            : options.Features.Select(name => header.IndexOf(name, "a feature")).ToArray();

        if (indices.Contains(labelIndex))
        {
            throw new DatasetFormatException(header.Path, $"column '{options.Label}' is the label and cannot also be a feature.", column: options.Label);
        }

        if (indices.Length != indices.Distinct().Count())
        {
            throw new ArgumentException("The feature list names a column twice.", nameof(options));
        }

        if (indices.Length == 0)
        {
            throw new DatasetFormatException(header.Path, $"no feature columns: the file has only the label column '{options.Label}'.", line: 1);
        }

        return indices;
    }
}
