using System.Text;
using HybridSgd.Datasets.Tabular.Featurizing;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>
/// Compiles a delimited spec's fitted ML.NET featurizer into a <see cref="FeaturePlan"/>, and proves it: probe rows
/// (every value missing, then each one-hot value and a number per column) go through ML.NET's TextLoader and
/// transforms and through the plan, and the plan is used only if every feature agrees exactly. Anything it cannot
/// compile or prove (a transform of another shape, a text regression label) returns null: the caller then reads the
/// file through ML.NET as before, slower but the same.
/// </summary>
internal static class FeaturePlanBuilder
{
    private const int MaxProbeRows = 2048;

    public static FeaturePlan? TryBuild(MLContext ml, TabularSpec spec, DelimitedHeader header, int[] featureIndices, int labelIndex)
    {
        if (spec.Format is not (TabularFormat.Csv or TabularFormat.Tsv) || labelIndex < 0
            || (spec.Task == LearningTask.Regression && spec.LabelKind != TabularColumnKind.Numeric))
        {
            return null;
        }

        bool affine = spec.Normalization != FeatureNormalization.None;
        if (affine && spec.NormalizationScales.Count != spec.FeatureCount
            || spec.NormalizationOffsets.Count is var offsets && offsets != 0 && offsets != spec.FeatureCount)
        {
            return null;
        }

        var featurizer = FittedFeaturizer.FromSpec(ml, spec);
        var vocabularies = Vocabularies(ml, spec, featurizer);
        if (vocabularies is null)
        {
            return null;
        }

        // The probe file has the spec's features in spec order, one column each; row 1 has every field empty.
        var probeLines = ProbeLines(spec, vocabularies, header.Separator);
        var expected = Featurize(ml, spec, featurizer, probeLines, header.Separator);
        if (expected.Count != probeLines.Count || expected.Any(row => row.Length != spec.FeatureCount))
        {
            return null;
        }

        var plan = Compile(spec, header, featureIndices, labelIndex, vocabularies, expected[0], affine);
        return plan is not null && Agrees(plan, spec, header, featureIndices, probeLines, expected) ? plan : null;
    }

    private static FeaturePlan? Compile(
        TabularSpec spec, DelimitedHeader header, int[] featureIndices, int labelIndex, List<string>?[] vocabularies, float[] missing, bool affine)
    {
        int fields = header.Names.Count;
        var roles = new FeaturePlan.Role[fields];
        var slots = new int[fields];
        var textColumn = Enumerable.Repeat(-1, fields).ToArray();
        var dictionaries = new List<Dictionary<string, int>>();
        roles[labelIndex] = FeaturePlan.Role.Label;
        float[]? offsets = affine && spec.NormalizationOffsets.Count > 0 ? spec.NormalizationOffsets.ToArray() : null;
        float[]? scales = affine ? spec.NormalizationScales.ToArray() : null;
        var zeros = (float[])missing.Clone();
        int slot = 0;
        for (int k = 0; k < spec.Features.Count; k++)
        {
            int field = featureIndices[k];
            slots[field] = slot;
            if (spec.Features[k].Kind == TabularColumnKind.Numeric)
            {
                roles[field] = FeaturePlan.Role.Numeric;
                slot++;
                continue;
            }

            var vocabulary = vocabularies[k]!;
            roles[field] = FeaturePlan.Role.Text;
            textColumn[field] = dictionaries.Count;
            dictionaries.Add(vocabulary.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal));
            for (int i = 0; i < vocabulary.Count; i++, slot++)
            {
                // An off one-hot slot is a sparse zero to ML.NET's normalizer: −offset × scale.
                zeros[slot] = scales is null ? 0f : -(offsets is null ? 0f : offsets[slot]) * scales[slot];
            }
        }

        if (slot != spec.FeatureCount)
        {
            return null;
        }

        return new FeaturePlan(spec, fields, roles, slots, header.Names.ToArray(), dictionaries.ToArray(), zeros, offsets, scales)
        {
            TextColumn = textColumn,
        };
    }

    /// <summary>Each text feature's one-hot values in slot order (the slot names of its one-hot column); null for numeric ones.</summary>
    private static List<string>?[]? Vocabularies(MLContext ml, TabularSpec spec, FittedFeaturizer featurizer)
    {
        var rawSchema = RawSchema(ml, spec, ',');
        var output = featurizer.Features.GetOutputSchema(rawSchema);
        var vocabularies = new List<string>?[spec.Features.Count];
        for (int k = 0; k < spec.Features.Count; k++)
        {
            if (spec.Features[k].Kind == TabularColumnKind.Numeric)
            {
                continue;
            }

            var column = output.GetColumnOrNull(RawColumns.Feature(spec.Features[k].Name));
            if (column?.Type is not VectorDataViewType { IsKnownSize: true } vector
                || column.Value.Annotations.Schema.GetColumnOrNull("SlotNames") is null)
            {
                return null;
            }

            var names = default(VBuffer<ReadOnlyMemory<char>>);
            column.Value.Annotations.GetValue("SlotNames", ref names);
            var list = names.DenseValues().Select(n => n.ToString()).ToList();
            if (list.Count != vector.Size || list.Distinct(StringComparer.Ordinal).Count() != list.Count)
            {
                return null;
            }

            vocabularies[k] = list;
        }

        return vocabularies;
    }

    private static List<string> ProbeLines(TabularSpec spec, List<string>?[] vocabularies, char separator)
    {
        int rows = Math.Min(MaxProbeRows, 1 + Math.Max(4, vocabularies.Max(v => v?.Count ?? 0)));
        var lines = new List<string>(rows);
        for (int r = 0; r < rows; r++)
        {
            lines.Add(string.Join(separator, spec.Features.Select((f, k) => r == 0 ? string.Empty
                : f.Kind == TabularColumnKind.Numeric ? ProbeNumber(r, k)
                : Quote(vocabularies[k]![(r - 1) % vocabularies[k]!.Count]))));
        }

        return lines;
    }

    // Values with fractions, signs and exponents, different in every column and row.
    private static string ProbeNumber(int row, int column) => ((row * 7 + column * 3) % 5) switch
    {
        0 => ((row * 13 + column) % 17 - 8).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => $"{row % 9}.{column % 97:D2}5",
        2 => $"-{column % 7}.{row % 1000}e-{row % 4}",
        3 => $"{row}e{column % 3}",
        _ => $"0.{(row * 7919 + column * 104729) % 1_000_000:D6}",
    };

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static DataViewSchema RawSchema(MLContext ml, TabularSpec spec, char separator)
        => ml.Data.CreateTextLoader(Options(spec, separator)).GetOutputSchema();

    private static TextLoader.Options Options(TabularSpec spec, char separator)
        => DelimitedLoader.Options(separator, spec.RawLayout, spec.Features, Enumerable.Range(0, spec.Features.Count).ToArray(), label: null);

    private static List<float[]> Featurize(MLContext ml, TabularSpec spec, FittedFeaturizer featurizer, List<string> lines, char separator)
    {
        string header = string.Join(separator, spec.Features.Select((_, k) => $"c{k}"));
        var raw = ml.Data.CreateTextLoader(Options(spec, separator)).Load(new TextSource(header + "\n" + string.Join("\n", lines) + "\n"));
        var featurized = featurizer.Apply(raw, hasLabel: false);
        var rows = new List<float[]>();
        var column = featurized.Schema[DataColumns.Features];
        using var cursor = featurized.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            rows.Add(buffer.DenseValues().ToArray());
        }

        return rows;
    }

    private static bool Agrees(FeaturePlan plan, TabularSpec spec, DelimitedHeader header, int[] featureIndices, List<string> probeLines, List<float[]> expected)
    {
        // The probe's columns are in spec order; lay each probe row out as the real file's fields.
        var probePlan = new FeaturePlan(
            spec, spec.Features.Count + 1, [.. featureIndices.Select(i => plan.Roles[i]), FeaturePlan.Role.Label],
            [.. featureIndices.Select(i => plan.Slots[i]), 0], [.. featureIndices.Select(i => plan.ColumnNames[i]), spec.Label],
            plan.Vocabularies, plan.Missing, plan.Offsets, plan.Scales)
        {
            TextColumn = [.. featureIndices.Select(i => plan.TextColumn[i]), -1],
        };
        var fields = new List<string>();
        var features = new float[spec.FeatureCount];
        string label = spec.Task == LearningTask.Regression ? "0" : Quote(spec.ClassNames[0]);
        for (int r = 0; r < probeLines.Count; r++)
        {
            if (DelimitedLine.Split(probeLines[r] + header.Separator + label, header.Separator, fields, trimFields: false) is not null
                || RowFeaturizer.FromFields(probePlan, fields, features, out _) is not null
                || !features.AsSpan().SequenceEqual(expected[r]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An in-memory text as TextLoader's input.</summary>
    private sealed class TextSource(string text) : IMultiStreamSource
    {
        public int Count => 1;

        public string? GetPathOrNull(int index) => null;

        public Stream Open(int index) => new MemoryStream(Encoding.UTF8.GetBytes(text));

        public TextReader OpenTextReader(int index) => new StringReader(text);
    }
}
