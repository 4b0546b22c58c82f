using System.Text;

namespace HybridSgd.Datasets.Tabular.Text;

/// <summary>
/// Splits one line of delimited text into fields the way TextLoader does with AllowQuoting and TrimWhitespace:
/// a field may be wrapped in double quotes (then it may hold the separator, and "" stands for one quote), and
/// whitespace around a field is dropped. Used only to validate and to infer column kinds; TextLoader loads.
/// </summary>
internal static class DelimitedLine
{
    /// <summary>Fills <paramref name="fields"/>; returns null, or what is wrong with the line.</summary>
    /// <param name="trimFields">
    /// False keeps an unquoted field's spaces: TextLoader keeps the leading ones, so a text value " red" is another value
    /// than "red" to ML.NET's one-hot encoding (the service's reader trims the end itself, as TextLoader does).
    /// </param>
    public static string? Split(string line, char separator, List<string> fields, bool trimFields = true)
    {
        fields.Clear();
        var quoted = new StringBuilder();
        int i = 0;
        while (true)
        {
            int start = i;
            i = SkipBlanks(line, i, separator);
            if (i < line.Length && line[i] == '"')
            {
                quoted.Clear();
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        // TextLoader reads one line a record (ReadMultilines is off), so a quote cannot span lines.
                        return $"field {fields.Count + 1} opens a quote that is not closed on this line";
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            quoted.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    quoted.Append(line[i++]);
                }

                i = SkipBlanks(line, i, separator);
                if (i < line.Length && line[i] != separator)
                {
                    return $"field {fields.Count + 1} has text after its closing quote";
                }

                fields.Add(quoted.ToString());
            }
            else
            {
                int end = line.IndexOf(separator, start);
                if (end < 0)
                {
                    end = line.Length;
                }

                fields.Add(trimFields ? line[start..end].Trim() : line[start..end]);
                i = end;
            }

            if (i >= line.Length)
            {
                return null;
            }

            i++;
        }
    }

    private static int SkipBlanks(string line, int i, char separator)
    {
        while (i < line.Length && line[i] != separator && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        return i;
    }
}
