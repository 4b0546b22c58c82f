using System.Diagnostics;
using System.Threading.Tasks.Dataflow;
using HybridSgd.Pipeline.Aggregation;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Pipeline.Policies;
using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridSgd.Bench.Runs;

/// <summary>
/// The cost of one live threshold change: the aggregator's block swap (unlink, complete the old BatchBlock,
/// take what it held, build a new one, re-post the carried gradients, relink), timed around the call that
/// triggers it. Each repetition builds a fresh aggregator for 8 workers at k = 8 (synchronous policy), posts
/// some gradients that wait in the half-full batch, then retires one worker: k drops to 7, and as fewer than 7
/// gradients are carried over none is applied, so the time is the swap alone.
/// </summary>
internal static class BlockSwapBenchmark
{
    private const int Workers = 8;
    private const int ParameterCount = 7850; // softmax on Fashion-MNIST: the swap never touches the values

    public static BlockSwapResult Run(BenchSettings settings)
    {
        var empty = Measure(carried: 0, settings.SwapRepetitions);
        var carrying = Measure(carried: Workers - 2, settings.SwapRepetitions);
        return new BlockSwapResult(empty, carrying);
    }

    private static SwapTimes Measure(int carried, int repetitions)
    {
        var gradient = new float[ParameterCount];
        var weights = new float[ParameterCount];
        var microseconds = new List<double>(repetitions);
        int warmup = Math.Max(10, repetitions / 10);
        for (int i = 0; i < warmup + repetitions; i++)
        {
            var board = new WeightsBoard(weights);
            var aggregator = new GradientAggregator(weights, board, new AggregatorSettings(
                Workers, 1, new SynchronousPolicy(), new SgdOptimizer(0.01f, 0), new ProgressMeter(TimeProvider.System, null, null), NullLogger.Instance));
            var messages = new List<GradientMessage>();
            for (int worker = 0; worker < carried; worker++)
            {
                var message = BenchGradients.Create(worker, sequence: i, gradient, weightsVersion: 0);
                messages.Add(message);
                if (!aggregator.Input.Post(message))
                {
                    throw new InvalidOperationException("The aggregator declined a gradient.");
                }
            }

            if (carried > 0)
            {
                // The inbox hands gradients on to the batch block asynchronously; give it time to, so they are carried.
                Thread.Sleep(1);
            }

            long start = Stopwatch.GetTimestamp();
            aggregator.RetireWorker();
            double elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (aggregator.Threshold != Workers - 1 || aggregator.ThresholdChanges.Count != 1)
            {
                throw new InvalidOperationException($"Expected one swap to k = {Workers - 1}, got k = {aggregator.Threshold}.");
            }

            if (i >= warmup)
            {
                microseconds.Add(elapsed);
            }

            for (int worker = 1; worker < Workers; worker++)
            {
                aggregator.RetireWorker();
            }

            if (!aggregator.Completion.Wait(TimeSpan.FromSeconds(10)) || messages.Any(m => !BenchGradients.WaitApplied(m, TimeSpan.FromSeconds(10))))
            {
                throw new InvalidOperationException("The aggregator did not apply every carried gradient.");
            }
        }

        return new SwapTimes(carried, microseconds);
    }
}

internal sealed record SwapTimes(int Carried, IReadOnlyList<double> Microseconds)
{
    public double Median => Stats.Median(Microseconds);

    public double P99 => Stats.Quantile(Microseconds, 0.99);

    public double Max => Microseconds.Max();
}

internal sealed record BlockSwapResult(SwapTimes Empty, SwapTimes Carrying);
