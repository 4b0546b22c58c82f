using System.Globalization;
using HybridSgd.Pipeline.Models;

namespace HybridSgd.Bench.Report;

/// <summary>The issue's targets (#6), each read off the figures of one bench run.</summary>
internal static class Targets
{
    /// <summary>Allocation below this many bytes per minibatch counts as none: under one 24-byte object per ~50 minibatches.</summary>
    public const double AllocationFloorBytes = 0.5;

    public static IReadOnlyList<Target> From(BenchResults results)
    {
        var targets = new List<Target>();
        var s = results.Settings;
        if (results.Softmax is { } softmax)
        {
            double sdca = softmax.Baseline.TrainSeconds;
            double? median = softmax.MedianSecondsToTarget;
            targets.Add(new Target(
                "Softmax: time to SDCA's accuracy",
                $"softmax, {s.Workers} workers: time to SDCA's test accuracy ≤ 0.15× SDCA's training time",
                Invariant($"{softmax.Mode.ToString().ToLowerInvariant()} SGD reached {softmax.Baseline.Accuracy:F4} in {Seconds(median)} (median of {softmax.Runs.Count} seeds); SDCA trained in {sdca:F2} s"),
                median / sdca,
                0.15,
                AtMost: true));
        }

        if (results.Throughput is { } throughput)
        {
            double plain = throughput.PlainMedian;
            var two = throughput.For(s.Workers);
            targets.Add(new Target(
                "Throughput vs plain loop",
                $"pipeline examples/s (async, {s.Workers} workers, {results.Machine.Cores} cores) ≥ 1.6× the single-threaded plain loop",
                Invariant($"{two.Median:N0}/s vs {plain:N0}/s"),
                two.Median / plain,
                1.6,
                AtMost: false));
            foreach (int workers in s.OversubscribedWorkers)
            {
                var many = throughput.For(workers);
                targets.Add(new Target(
                    $"Throughput, {workers} workers",
                    $"{workers} workers on {results.Machine.Cores} cores: not below the {s.Workers}-worker throughput by more than 10%",
                    Invariant($"{many.Median:N0}/s vs {two.Median:N0}/s"),
                    many.Median / two.Median,
                    0.9,
                    AtMost: false));
            }
        }

        if (results.Swap is { } swap)
        {
            targets.Add(new Target(
                "Threshold change (block swap)",
                "one live change of k (BatchBlock swap) under 1 ms",
                Invariant($"p99 {swap.Carrying.P99:F1} µs, median {swap.Carrying.Median:F1} µs, max {swap.Carrying.Max:F1} µs ({swap.Carrying.Microseconds.Count} swaps carrying {swap.Carrying.Carried} gradients)"),
                swap.Carrying.P99 / 1000,
                1,
                AtMost: true,
                Unit: " ms"));
        }

        if (results.Micro is { } micro)
        {
            foreach (string model in new[] { ModelFactory.Softmax, ModelFactory.Mlp })
            {
                var gradient = micro.Get(model, "WorkerGradient");
                var throughputRun = model == ModelFactory.Softmax ? results.Throughput : results.MlpThroughput;
                if (throughputRun?.For(s.Workers) is { } pipeline)
                {
                    targets.Add(new Target(
                        $"Aggregator work per update ({model})",
                        "aggregator overhead per update < 5% of a worker's gradient time at batch 64: the aggregator's own time per update (mean, step, publish, release; async, 2 workers, real pipeline)",
                        Invariant($"{pipeline.BusyMicrosecondsPerUpdate:F2} µs per update vs {gradient.MedianMicroseconds:F2} µs per gradient (micro-benchmark)"),
                        pipeline.BusyMicrosecondsPerUpdate / gradient.MedianMicroseconds,
                        0.05,
                        AtMost: true));
                }

                var update = micro.Get(model, "AggregatorUpdateAsync");
                targets.Add(new Target(
                    $"Aggregator round trip per update ({model})",
                    "the same bound read as the worker's wait: send to release through the dataflow blocks (k = 1, micro-benchmark)",
                    Invariant($"{update.MedianMicroseconds:F2} µs per update vs {gradient.MedianMicroseconds:F2} µs per gradient"),
                    update.MedianMicroseconds / gradient.MedianMicroseconds,
                    0.05,
                    AtMost: true));
            }
        }

        if (results.Mlp is { } mlp)
        {
            double lightGbm = mlp.Baseline.TrainSeconds;
            double? seconds = mlp.MedianSecondsToTarget;
            targets.Add(new Target(
                "MLP: time to LightGBM's accuracy",
                $"MLP ({string.Join(",", s.MlpHiddenLayers)} hidden), {s.Workers} workers: time to LightGBM's test accuracy ≤ 0.5× LightGBM's training time",
                Invariant($"reached {mlp.Baseline.Accuracy:F4} in {Seconds(seconds)} (best {mlp.Runs.Max(r => r.BestAccuracy):F4}); LightGBM trained in {lightGbm:F1} s"),
                seconds / lightGbm,
                0.5,
                AtMost: true));
        }

        if (results.Allocations is { } allocations)
        {
            targets.Add(new Target(
                "Allocations per minibatch",
                "steady-state managed allocations per minibatch through the real pipeline: zero on the hot path",
                Invariant($"{allocations.PipelineBytesPerMinibatch:F1} B/minibatch on the hot path; {allocations.BytesPerMinibatch:F1} B/minibatch with the loader's per-epoch cursor ({allocations.CursorBytesPerEpoch:N0} B per epoch of {allocations.MinibatchesPerEpoch} minibatches)"),
                allocations.PipelineBytesPerMinibatch,
                AllocationFloorBytes,
                AtMost: true,
                Unit: " B"));
        }

        if (results.Embedding is { } embedding)
        {
            var p = embedding.Predict;
            targets.Add(new Target(
                "Embedded Predict: latency",
                "LiveModel.Predict for one softmax example in a few microseconds (p50 ≤ 5 µs) while the app's host runs",
                Invariant($"p50 {p.P50:F2} µs, p99 {p.P99:F2} µs, p99.9 {p.P999:F2} µs ({p.Calls:N0} calls)"),
                p.P50,
                5,
                AtMost: true,
                Unit: " µs"));
            targets.Add(new Target(
                "Embedded Predict: allocations",
                "LiveModel.Predict allocates nothing",
                Invariant($"{p.BytesPerCall:F3} B per call over {p.Calls:N0} calls"),
                p.BytesPerCall,
                AllocationFloorBytes,
                AtMost: true,
                Unit: " B"));
            targets.Add(new Target(
                "Embedded trainer: channel feed",
                "examples/s through the channel within 10% of the in-memory training path (median ratio of the rounds)",
                Invariant($"{string.Join(", ", embedding.Rounds.Select(r => $"{r.Channel:N0} vs {r.InMemory:N0}/s"))}"),
                embedding.MedianRatio,
                0.9,
                AtMost: false));
        }

        return targets;
    }

    private static string Seconds(double? seconds) => seconds is { } value ? Invariant($"{value:F2} s") : "— (not reached)";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
