using System.Diagnostics;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Optimization;

namespace HybridSgd.Bench.Runs;

/// <summary>
/// The single-threaded reference: the textbook minibatch SGD loop over an in-memory matrix with the pipeline's
/// own kernel and optimizer (the same maths, TensorPrimitives), rows reshuffled every epoch and gathered into
/// one reused minibatch. No threads, no queues, no loader: the floor the pipeline is compared with.
/// </summary>
internal static class PlainSgdLoop
{
    /// <param name="test">Scored every <paramref name="evaluationInterval"/> of training time when given; the
    /// clock is paused while scoring, so the curve's seconds are training seconds only.</param>
    /// <param name="stopAtAccuracy">Ends the run at the first evaluation that reaches it.</param>
    public static PlainRun Run(
        IModel model,
        DenseDataset train,
        BenchSettings settings,
        float learningRate,
        int seed,
        TimeSpan budget,
        DenseDataset? test = null,
        TimeSpan? evaluationInterval = null,
        double? stopAtAccuracy = null)
    {
        var weights = new float[model.ParameterCount];
        model.InitializeParameters(weights, new Random(seed));
        var gradient = new float[model.ParameterCount];
        var kernel = model.CreateKernel();
        var optimizer = new SgdOptimizer(learningRate, settings.L2);
        var batch = new Minibatch(settings.BatchSize, train.FeatureCount);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed);
        var evaluator = test is null ? null : new Evaluator(model, test);
        var interval = evaluationInterval ?? TimeSpan.FromSeconds(1);
        var curve = new List<(double Seconds, double Accuracy)>();
        var nextEvaluation = TimeSpan.Zero;
        int position = order.Length;
        long examples = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < budget)
        {
            if (evaluator is not null && clock.Elapsed >= nextEvaluation)
            {
                clock.Stop();
                double accuracy = evaluator.Evaluate(weights).Accuracy ?? double.NaN;
                curve.Add((clock.Elapsed.TotalSeconds, accuracy));
                clock.Start();
                if (accuracy >= stopAtAccuracy)
                {
                    break;
                }

                nextEvaluation += interval;
            }

            if (position == order.Length)
            {
                random.Shuffle(order);
                position = 0;
            }

            int count = Math.Min(batch.Capacity, order.Length - position);
            for (int i = 0; i < count; i++)
            {
                int row = order[position + i];
                train.Row(row).CopyTo(batch.Features.AsSpan(i * train.FeatureCount, train.FeatureCount));
                batch.Labels[i] = train.Labels[row];
            }

            batch.Count = count;
            position += count;
            kernel.ComputeGradient(weights, batch, gradient);
            optimizer.Step(weights, gradient);
            examples += count;
        }

        clock.Stop();
        return new PlainRun(examples, clock.Elapsed.TotalSeconds, curve);
    }
}

/// <summary>Examples trained on, training seconds, and the (training seconds, test accuracy) curve if scored.</summary>
internal sealed record PlainRun(long Examples, double Seconds, IReadOnlyList<(double Seconds, double Accuracy)> Curve)
{
    public double ExamplesPerSecond => Examples / Seconds;

    public double? SecondsTo(double accuracy) =>
        Curve.FirstOrDefault(p => p.Accuracy >= accuracy) is { Seconds: var s, Accuracy: var a } && a >= accuracy ? s : null;
}
