namespace HybridSgd.Pipeline.Evaluation;

/// <summary>
/// Row types for handing predictions to ML.NET's evaluators through LoadFromEnumerable.
/// </summary>
/// <remarks>
/// A key-typed property of a row class holds the zero-based class index: ML.NET adds the 1 of its raw key values
/// (where 0 means missing) itself. Writing the raw 1-based key here shifts every label by a class.
/// </remarks>
internal static class ScoredRows
{
    public sealed class Multiclass
    {
        public uint Label { get; set; }

        public float[] Score { get; set; } = [];

        public uint PredictedLabel { get; set; }
    }

    public sealed class Binary
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }

    public sealed class Regression
    {
        public float Label { get; set; }

        public float Score { get; set; }
    }
}
