using System.Globalization;
using System.Text;
using HybridSgd.Pipeline.Data;

namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>
/// A spec's featurizer compiled to per-slot arithmetic, so a row goes from text to its final features in one pass:
/// each numeric field to (x − offset) × scale (its missing value to what ML.NET's mean replacement then gives), each
/// text field to its one-hot slots, the label to its class index. Built and checked against ML.NET by
/// <see cref="FeaturePlanBuilder"/>; this type only applies it.
/// </summary>
internal sealed class FeaturePlan
{
    /// <summary>What a field of the file is for: nothing, a numeric slot, a text column's one-hot slots, or the label.</summary>
    internal enum Role : byte
    {
        Ignored,
        Numeric,
        Text,
        Label,
    }

    internal FeaturePlan(
        TabularSpec spec, int fieldCount, Role[] roles, int[] slots, string[] columnNames, Dictionary<string, int>[] vocabularies,
        float[] missing, float[]? offsets, float[]? scales)
    {
        Spec = spec;
        FieldCount = fieldCount;
        Roles = roles;
        Slots = slots;
        ColumnNames = columnNames;
        Vocabularies = vocabularies;
        VocabularyLookups = vocabularies.Select(v => v.GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();
        Missing = missing;
        Offsets = offsets;
        Scales = scales;
        Width = spec.FeatureCount;
        if (spec.Task != LearningTask.Regression)
        {
            _textClasses = spec.ClassNames.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => p.k, StringComparer.Ordinal);
            _textClassLookup = _textClasses.GetAlternateLookup<ReadOnlySpan<char>>();
            if (spec.LabelKind == TabularColumnKind.Numeric)
            {
                _numericClasses = spec.ClassNames.Select((c, k) => ((float)double.Parse(c, CultureInfo.InvariantCulture), k)).ToDictionary(p => p.Item1, p => p.k);
            }
        }
    }

    private readonly Dictionary<string, int>? _textClasses;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _textClassLookup;
    private readonly Dictionary<float, int>? _numericClasses;

    public TabularSpec Spec { get; }

    /// <summary>Fields a row must have (the header's count).</summary>
    public int FieldCount { get; }

    public int Width { get; }

    /// <summary>Per field of the file.</summary>
    public Role[] Roles { get; }

    /// <summary>Per field: its slot (numeric), its first slot (text), or for text the index into <see cref="Vocabularies"/> in <see cref="TextColumn"/>.</summary>
    public int[] Slots { get; }

    /// <summary>Per field: the column name for messages.</summary>
    public string[] ColumnNames { get; }

    /// <summary>Per text field (by <see cref="TextColumn"/>): value → its one-hot index.</summary>
    public Dictionary<string, int>[] Vocabularies { get; }

    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[] VocabularyLookups { get; }

    /// <summary>Per slot: the final value of a missing numeric field (ML.NET's mean, scaled), or of a text slot that is off.</summary>
    public float[] Missing { get; }

    public float[]? Offsets { get; }

    public float[]? Scales { get; }

    /// <summary>Per field: which vocabulary a text field uses (−1 otherwise).</summary>
    public int[] TextColumn { get; init; } = [];

    /// <summary>The value of numeric <paramref name="slot"/> for a parsed <paramref name="x"/>: ML.NET's affine normalizer, (x − offset) × scale, in Single.</summary>
    public float Scaled(int slot, float x) => Scales is null ? x : (x - (Offsets is null ? 0f : Offsets[slot])) * Scales[slot];

    /// <summary>Writes a text field's one-hot slots: all off (an empty or unseen value), or the one of <paramref name="value"/> on.</summary>
    public void OneHot(int field, ReadOnlySpan<char> value, Span<float> features)
    {
        int first = Slots[field];
        int column = TextColumn[field];
        var slots = features.Slice(first, Vocabularies[column].Count);
        Missing.AsSpan(first, slots.Length).CopyTo(slots);
        if (VocabularyLookups[column].TryGetValue(value, out int index))
        {
            slots[index] = Scaled(first + index, 1f);
        }
    }

    /// <summary>The label's class index or value; null with <paramref name="problem"/> set when it is not usable.</summary>
    public float? Label(ReadOnlySpan<char> field, out RowProblem? problem)
    {
        problem = null;
        if (field.IsEmpty)
        {
            problem = new RowProblem("the label is empty; every row of a file to evaluate on needs a label.", Spec.Label);
            return null;
        }

        if (Spec.LabelKind == TabularColumnKind.Text && _textClasses is not null)
        {
            if (_textClassLookup.TryGetValue(field, out int index))
            {
                return index;
            }

            problem = new RowProblem(field.ToString(), Spec.Label, UnknownLabel: true);
            return null;
        }

        if (!TryParseNumber(field, out float value))
        {
            problem = new RowProblem($"'{field}' is not a number; the label was numeric in training.", Spec.Label);
            return null;
        }

        if (_numericClasses is null)
        {
            return value;
        }

        if (_numericClasses.TryGetValue(value, out int key))
        {
            return key;
        }

        problem = new RowProblem(NumericText.Format(value), Spec.Label, UnknownLabel: true);
        return null;
    }

    /// <summary>A field of text (a quoted or non-ASCII line) parsed as <see cref="Utf8Number"/> parses bytes; false unless a finite Single.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> field, out float value)
    {
        value = 0;
        Span<byte> bytes = stackalloc byte[128];
        if (field.Length > bytes.Length / 4)
        {
            // A long number is rare (many digits): one allocation for it is no matter.
            return Utf8Number.TryParse(Encoding.UTF8.GetBytes(field.ToString()), out value) && float.IsFinite(value);
        }

        int length = Encoding.UTF8.GetBytes(field, bytes);
        return Utf8Number.TryParse(bytes[..length], out value) && float.IsFinite(value);
    }

    public static RowProblem NotANumber(string field, string column) =>
        new($"'{field}' is not a number; the model reads column '{column}' as numeric. Fix the value, or leave the field empty to mark it missing.", column);
}
