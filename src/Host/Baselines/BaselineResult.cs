using HybridSgd.Pipeline.Evaluation;

namespace HybridSgd.Host.Baselines;

/// <summary>A baseline trainer's outcome on the shared split: training time (fit only) and ML.NET's test metrics for the task.</summary>
public sealed record BaselineResult(string Trainer, double TrainSeconds, TaskMetrics Metrics);
