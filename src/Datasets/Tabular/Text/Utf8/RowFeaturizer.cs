using System.Text;

namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>
/// One data row to its features and label through a <see cref="FeaturePlan"/>. The fast path reads the UTF-8 bytes of
/// a plain line (ASCII, no quotes) field by field with no allocation; any other line, and any line the fast path finds
/// wrong, goes through the text path, which splits it as the old line check did and words every problem the same way.
/// </summary>
internal static class RowFeaturizer
{
    /// <summary>True when the row was plain and valid and is written; false: use <see cref="FromFields"/>.</summary>
    public static bool TryFast(FeaturePlan plan, ReadOnlySpan<byte> line, byte separator, Span<float> features, out float label)
    {
        label = 0;
        if (!PlainLine.Is(line))
        {
            return false;
        }

        // TextLoader with TrimWhitespace drops the spaces after a field but keeps those before it (" red " reads as " red",
        // another one-hot value than "red"; the equivalence tests pin this down), so text values are cut only at their end.
        line = line.TrimEnd(" \t"u8);
        bool textLabel = plan.Spec.LabelKind == TabularColumnKind.Text;
        Span<char> text = stackalloc char[256];
        bool labelSeen = false;
        int field = 0;
        int position = 0;
        while (true)
        {
            if (field >= plan.FieldCount)
            {
                return false;
            }

            if (plan.Roles[field] == FeaturePlan.Role.Numeric && Utf8Number.TryDigits(line, position, separator, out float digits, out int end))
            {
                features[plan.Slots[field]] = plan.Scaled(plan.Slots[field], digits);
                field++;
                if (end == line.Length)
                {
                    break;
                }

                position = end + 1;
                continue;
            }

            var rest = line[position..];
            int length = rest.IndexOf(separator);
            var raw = length < 0 ? rest : rest[..length];

            var value = PlainLine.Trimmed(raw);
            switch (plan.Roles[field])
            {
                case FeaturePlan.Role.Numeric:
                    int slot = plan.Slots[field];
                    if (IsMissing(value))
                    {
                        features[slot] = plan.Missing[slot];
                    }
                    else if (Utf8Number.TryParse(value, out float x) && float.IsFinite(x))
                    {
                        features[slot] = plan.Scaled(slot, x);
                    }
                    else
                    {
                        return false;
                    }

                    break;
                case FeaturePlan.Role.Text or FeaturePlan.Role.Label:
                    var word = plan.Roles[field] == FeaturePlan.Role.Text || textLabel ? raw.TrimEnd(" \t"u8) : value;
                    if (word.Length > text.Length)
                    {
                        return false;
                    }

                    int chars = Encoding.ASCII.GetChars(word, text);
                    if (plan.Roles[field] == FeaturePlan.Role.Text)
                    {
                        plan.OneHot(field, text[..chars], features);
                    }
                    else if (plan.Label(text[..chars], out _) is { } known)
                    {
                        label = known;
                        labelSeen = true;
                    }
                    else
                    {
                        return false;
                    }

                    break;
            }

            field++;
            if (length < 0)
            {
                break;
            }

            position += length + 1;
        }

        return field == plan.FieldCount && labelSeen;
    }

    /// <summary>
    /// A row already split into untrimmed fields (<see cref="DelimitedLine.Split"/> with trimFields false, the line's end
    /// trimmed); null when it is written, else what is wrong.
    /// </summary>
    public static RowProblem? FromFields(FeaturePlan plan, List<string> fields, Span<float> features, out float label)
    {
        label = 0;
        if (fields.Count != plan.FieldCount)
        {
            return new RowProblem(string.Empty);
        }

        RowProblem? labelProblem = null;
        for (int field = 0; field < fields.Count; field++)
        {
            string raw = fields[field].TrimEnd(' ', '\t');
            string value = raw.Trim();
            switch (plan.Roles[field])
            {
                case FeaturePlan.Role.Numeric:
                    int slot = plan.Slots[field];
                    if (NumericText.IsMissing(value))
                    {
                        features[slot] = plan.Missing[slot];
                    }
                    else if (FeaturePlan.TryParseNumber(value, out float x))
                    {
                        features[slot] = plan.Scaled(slot, x);
                    }
                    else
                    {
                        return FeaturePlan.NotANumber(value, plan.ColumnNames[field]);
                    }

                    break;
                case FeaturePlan.Role.Text:
                    plan.OneHot(field, raw, features);
                    break;
                case FeaturePlan.Role.Label:
                    if (plan.Label(plan.Spec.LabelKind == TabularColumnKind.Text ? raw : value, out var problem) is { } known)
                    {
                        label = known;
                    }
                    else
                    {
                        labelProblem = problem;
                    }

                    break;
            }
        }

        // A bad feature value is named before a bad label, as the old check (labels judged last) named it.
        return labelProblem;
    }

    /// <summary>Empty, "?" and "NaN" in any case: <see cref="NumericText.IsMissing"/> on bytes.</summary>
    private static bool IsMissing(ReadOnlySpan<byte> value) =>
        value.IsEmpty || (value.Length == 1 && value[0] == (byte)'?') || (value.Length == 3 && Ascii.EqualsIgnoreCase(value, "NaN"u8));
}
