namespace HybridSgd.Host.Baselines;

/// <summary>A baseline trainer's outcome on the shared split: training time (fit only) and test metrics.</summary>
public sealed record BaselineResult(string Trainer, double TrainSeconds, double Accuracy, double LogLoss, int TestCount);
