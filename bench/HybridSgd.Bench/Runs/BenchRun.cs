using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Bench.Runs;

/// <summary>A pipeline run and the learning curve its observer took.</summary>
internal sealed record BenchRun(TrainingResult Result, IReadOnlyList<CurvePoint> Curve)
{
    public int Seed => Result.Seed;

    public double TrainSeconds => Result.TrainSeconds;

    public AggregationStatistics Statistics => Result.Statistics;

    public double? SecondsTo(double accuracy) => Curve.FirstOrDefault(p => p.TestAccuracy >= accuracy)?.Seconds;

    public double ExamplesPerSecond() => Statistics.Examples / TrainSeconds;

    /// <summary>The aggregator's own work per update: its busy time (applying, under its lock) over the updates.</summary>
    public double BusyMicrosecondsPerUpdate() => Statistics.BusyTime.TotalMicroseconds / Math.Max(1, Statistics.Updates);
}
