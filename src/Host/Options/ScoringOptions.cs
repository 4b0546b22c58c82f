namespace HybridSgd.Host.Options;

/// <summary>
/// What <c>evaluate</c> and <c>predict</c> work on (section <c>Scoring</c>; on their command lines <c>--model</c>,
/// <c>--data</c> and <c>--out</c> map here). Required keys are checked when the verb starts, since
/// <c>train</c> does not need them.
/// </summary>
public sealed record ScoringOptions
{
    public const string SectionName = "Scoring";

    /// <summary>A run directory holding model.hsgd, or the model file itself.</summary>
    public string Model { get; init; } = "";

    /// <summary>The file to score: same columns as the training file (CSV/TSV/SVMlight/idv), or an IDX directory.</summary>
    public string Data { get; init; } = "";

    /// <summary>
    /// predict: the predictions CSV to write (required). evaluate: where to write the metrics JSON; empty for
    /// evaluation.json beside the model.
    /// </summary>
    public string Output { get; init; } = "";

    /// <summary>The value of a required key, or an error naming the key and its command-line switch.</summary>
    public static string Require(string value, string key, string flag) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidDataException($"{SectionName}:{key} is not set: pass {flag} PATH.")
            : value;
}
