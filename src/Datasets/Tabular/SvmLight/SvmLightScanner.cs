using System.Globalization;
using HybridSgd.Datasets.Tabular.Text;

namespace HybridSgd.Datasets.Tabular.SvmLight;

/// <summary>
/// Validates an SVMlight / LibSVM file line by line (<c>label index:value … # comment</c>) before ML.NET's loader
/// reads it, which would otherwise turn a malformed token into a silent zero or an exception without a line.
/// </summary>
internal sealed class SvmLightScanner
{
    private static readonly char[] Blanks = [' ', '\t'];

    private SvmLightScanner()
    {
    }

    /// <summary>Data lines seen.</summary>
    public long Rows { get; private set; }

    /// <summary>The largest feature index seen, or -1.</summary>
    public long MaxIndex { get; private set; } = -1;

    /// <summary>The rows as read (label, then indices as written and values), when the scan was asked to keep them.</summary>
    public List<(float Label, int[] Indices, float[] Values)>? Kept { get; private set; }

    /// <summary>Some index is 0, so the file is zero-based (scikit-learn's dump_svmlight_file writes such files).</summary>
    public bool SawZeroIndex { get; private set; }

    /// <summary>Scans <paramref name="path"/>, calling <paramref name="onLabel"/> with each label and its 1-based line.</summary>
    /// <param name="path">The file.</param>
    /// <param name="onLabel">Receives each label.</param>
    /// <param name="limit">For a file scored with a trained spec: indices must be below this (after the base shift).</param>
    /// <param name="zeroBased">For scoring: the training file's index base.</param>
    /// <exception cref="DatasetFormatException">A token is malformed; the message names the line and the token.</exception>
    /// <param name="keep">Keep every row in <see cref="Kept"/>.</param>
    /// <param name="cancellationToken">Ends the scan between lines.</param>
    public static SvmLightScanner Scan(
        string path, Action<double, long> onLabel, int? limit = null, bool zeroBased = false, bool keep = false, CancellationToken cancellationToken = default)
    {
        var scan = new SvmLightScanner { Kept = keep ? [] : null };
        var indices = new List<int>();
        var values = new List<float>();
        long lineNumber = 0;
        foreach (string raw in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int hash = raw.IndexOf('#', StringComparison.Ordinal);
            string line = hash >= 0 ? raw[..hash] : raw;
            string[] tokens = line.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0)
            {
                continue;
            }

            if (!NumericText.TryParse(tokens[0], out double label))
            {
                throw new DatasetFormatException(
                    path, $"the label '{tokens[0]}' is not a number; an SVMlight line starts with a numeric label, then index:value pairs.", line: lineNumber);
            }

            onLabel(label, lineNumber);
            indices.Clear();
            values.Clear();
            for (int t = 1; t < tokens.Length; t++)
            {
                scan.CheckToken(path, tokens[t], lineNumber, limit, zeroBased, indices, values);
            }

            if (indices.Distinct().Count() != indices.Count)
            {
                throw new DatasetFormatException(path, "a feature index appears twice on this line.", line: lineNumber);
            }

            scan.Kept?.Add(((float)label, indices.ToArray(), values.ToArray()));

            scan.Rows++;
        }

        return scan;
    }

    private void CheckToken(string path, string token, long line, int? limit, bool zeroBased, List<int> indices, List<float> values)
    {
        int colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == token.Length - 1)
        {
            throw new DatasetFormatException(path, $"token '{token}' is not index:value.", line: line);
        }

        string index = token[..colon];
        string value = token[(colon + 1)..];
        if (index == "qid")
        {
            return;
        }

        if (!long.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out long i) || i > int.MaxValue)
        {
            throw new DatasetFormatException(path, $"token '{token}': the index '{index}' is not a non-negative integer.", line: line);
        }

        if (!NumericText.TryParse(value, out double number))
        {
            throw new DatasetFormatException(path, $"token '{token}': '{value}' is not a number.", line: line);
        }

        if (limit is { } count && (zeroBased ? i : i - 1) >= count)
        {
            throw new DatasetFormatException(
                path, $"token '{token}': feature index {i} is beyond the {count} features the model was trained with.", line: line);
        }

        if (i == 0 && limit is not null && !zeroBased)
        {
            throw new DatasetFormatException(path, $"token '{token}': index 0, but the training file's indices start at 1.", line: line);
        }

        indices.Add((int)i);
        values.Add((float)number);
        MaxIndex = Math.Max(MaxIndex, i);
        SawZeroIndex |= i == 0;
    }
}
