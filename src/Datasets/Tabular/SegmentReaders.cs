using HybridSgd.Datasets.Tabular.Text;
using HybridSgd.Datasets.Tabular.Text.Utf8;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;

namespace HybridSgd.Datasets.Tabular;

/// <summary>
/// Opens files for the service with one spec, each read once a segment at a time. A CSV/TSV goes through the
/// one-pass reader (validate and featurize together, in parallel) when its featurizer compiles and proves equal to
/// ML.NET's; anything else (SVMlight, .idv, a featurizer of another shape) through ML.NET's loaders after the
/// line check, as <see cref="TabularDataset.LoadForScoring"/> reads it. The compiled featurizer is kept per header
/// layout, so a stream of files of one layout compiles it once.
/// </summary>
/// <param name="buffers">The read buffers the readers use and hand on (the ones the spec was defined with, ideally); fresh ones when null.</param>
public sealed class SegmentReaders(MLContext ml, TabularSpec spec, ReadBuffers? buffers = null)
{
    private readonly Dictionary<string, FeaturePlan?> _plans = new(StringComparer.Ordinal);
    private readonly ReadBuffers _buffers = buffers ?? new ReadBuffers();

    /// <summary>
    /// Opens <paramref name="path"/>, whose every row must have a label the model knows. With the one-pass reader a
    /// problem is reported by <see cref="ISegmentReader.Read"/> for the segment it is in (no row of that segment is
    /// learned); otherwise the whole file is checked here first.
    /// </summary>
    /// <exception cref="DatasetNotFoundException">The file does not exist.</exception>
    /// <exception cref="DatasetFormatException">The header lacks a needed column, or (ML.NET path) a row is bad.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while reading.</exception>
    public ISegmentReader Open(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (spec.Format is TabularFormat.Csv or TabularFormat.Tsv && File.Exists(path) && !LineSource.IsUtf16(path))
        {
            char? configured = spec.Separator is { Length: 1 } s ? s[0] : null;
            string? firstLine = File.ReadLines(path).FirstOrDefault();
            char? separator = firstLine is null ? configured : Separators.Detect(firstLine) ?? configured;
            var header = DelimitedHeader.Read(path, separator);
            int[] featureIndices = spec.Features.Select(f => header.IndexOf(f.Name, "a feature the model needs")).ToArray();
            int labelIndex = header.IndexOf(spec.Label, "the label");
            string layout = $"{header.Separator}\n{string.Join('\n', header.Names)}";
            if (!_plans.TryGetValue(layout, out var plan))
            {
                plan = FeaturePlanBuilder.TryBuild(ml, spec, header, featureIndices, labelIndex);
                _plans[layout] = plan;
            }

            if (plan is not null)
            {
                return new DelimitedSegmentReader(plan, path, header.Separator, _buffers, cancellationToken);
            }
        }

        return new DenseReader(TabularDataset.LoadForScoring(ml, spec, path, requireLabel: true, cancellationToken));
    }
}
