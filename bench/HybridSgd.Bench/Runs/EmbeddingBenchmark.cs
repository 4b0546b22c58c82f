using System.Diagnostics;
using HybridSgd.Bench.Data;
using HybridSgd.Embedding;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HybridSgd.Bench.Runs;

/// <summary>
/// The embedded trainer's two promises, measured side by side in one process: <see cref="LiveModel.Predict"/> for one
/// softmax example (latency percentiles, bytes allocated per call), and examples per second through the channel
/// (an app writing Fashion-MNIST as fast as it can, the online trainer learning) against the same examples trained
/// in memory (one HybridTrainer run over the same rows, same workers and minibatch).
/// </summary>
internal static class EmbeddingBenchmark
{
    private const int Passes = 5;
    private const int Predictions = 1_000_000;

    public static async Task<EmbeddingResult> RunAsync(BenchData data, BenchSettings settings, Action<string> log)
    {
        var rows = data.TrainDense;
        var rounds = new List<FeedRound>();
        PredictLatency? predict = null;
        for (int round = 1; round <= settings.EmbeddingRounds; round++)
        {
            // Interleaved rounds: the machine's drift lands on both paths.
            (double channel, double channelCpu, predict) = await ChannelExamplesPerSecondAsync(rows, settings, data.Test).ConfigureAwait(false);
            (double memory, double memoryCpu) = await InMemoryExamplesPerSecondAsync(rows, settings).ConfigureAwait(false);
            var feed = new FeedRound(channel, memory) { ChannelCpu = channelCpu, InMemoryCpu = memoryCpu };
            rounds.Add(feed);
            log($"embedding round {round}: channel {channel:F0} examples/s, in memory {memory:F0} examples/s, ratio {feed.Ratio:F3}; " +
                $"CPU per example {channelCpu:F2} µs vs {memoryCpu:F2} µs (ratio {feed.CpuRatio:F3}); " +
                $"Predict p50 {predict.P50:F2} µs, p99 {predict.P99:F2} µs, {predict.BytesPerCall:F3} B/call");
        }

        return new EmbeddingResult(rounds, predict!, Passes);
    }

    /// <returns>Examples/s by wall clock, and the process's CPU microseconds per example (every thread: the app's writer too).</returns>
    private static async Task<(double ExamplesPerSecond, double CpuMicroseconds, PredictLatency Predict)> ChannelExamplesPerSecondAsync(
        DenseDataset rows, BenchSettings settings, DenseDataset test)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HybridSgd:FeatureCount"] = rows.FeatureCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HybridSgd:ClassCount"] = "10",
            ["HybridSgd:Training:Workers"] = settings.Workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HybridSgd:Training:BatchSize"] = settings.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HybridSgd:Training:Mode"] = "Async",
            ["HybridSgd:Training:LearningRate"] = "0.05",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddHybridSgd(builder.Configuration.GetSection("HybridSgd"));
        using var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        var inbox = host.Services.GetRequiredService<ExampleInbox>();
        var live = host.Services.GetRequiredService<LiveModel>();
        var trainer = host.Services.GetServices<IHostedService>().OfType<HybridSgd.Embedding.Online.OnlineTrainer>().Single();
        await live.Ready.ConfigureAwait(false);
        GC.Collect();

        var cpu = CpuTime.Now();
        long start = Stopwatch.GetTimestamp();
        for (int pass = 0; pass < Passes; pass++)
        {
            for (int row = 0; row < rows.Count; row++)
            {
                await inbox.WriteAsync(rows.Row(row), rows.Labels[row]).ConfigureAwait(false);
            }
        }

        inbox.Complete();
        await trainer.ExecuteTask!.ConfigureAwait(false);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        double cpuMicroseconds = (CpuTime.Now() - cpu).TotalMicroseconds / (Passes * rows.Count);
        var predict = MeasurePredict(live, test);
        await host.StopAsync().ConfigureAwait(false);
        return (Passes * rows.Count / seconds, cpuMicroseconds, predict);
    }

    private static async Task<(double ExamplesPerSecond, double CpuMicroseconds)> InMemoryExamplesPerSecondAsync(DenseDataset rows, BenchSettings settings)
    {
        var model = ModelFactory.Create(ModelFactory.Softmax, rows.FeatureCount, 10);
        var options = new TrainingOptions
        {
            Mode = TrainingMode.Async,
            Workers = settings.Workers,
            BatchSize = settings.BatchSize,
            LearningRate = 0.05f,
            Epochs = Passes,
            Stop = StopRule.Epochs,
        };
        GC.Collect();

        // Wall time around the whole call, as the channel side is measured: set-up and tear-down included.
        var cpu = CpuTime.Now();
        long start = Stopwatch.GetTimestamp();
        var result = await HybridTrainer.TrainAsync(
            new TrainingSet("fashion-mnist", TrainingRows.InMemory(rows), LearningTask.Multiclass, 10), model, options, new TrainerEnvironment(), CancellationToken.None)
            .ConfigureAwait(false);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return (result.Statistics.Examples / seconds, (CpuTime.Now() - cpu).TotalMicroseconds / result.Statistics.Examples);
    }

    /// <summary>One example at a time, each call timed on its own; bytes allocated on this thread across all of them.</summary>
    private static PredictLatency MeasurePredict(LiveModel live, DenseDataset test)
    {
        var prediction = new float[live.OutputCount];
        for (int i = 0; i < 10_000; i++)
        {
            live.Predict(test.Row(i % test.Count), prediction);
        }

        var ticks = new long[Predictions];
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Predictions; i++)
        {
            long before = Stopwatch.GetTimestamp();
            live.Predict(test.Row(i % test.Count), prediction);
            ticks[i] = Stopwatch.GetTimestamp() - before;
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Array.Sort(ticks);
        double Micro(double quantile) => ticks[(int)(quantile * (ticks.Length - 1))] * 1e6 / Stopwatch.Frequency;
        return new PredictLatency(Micro(0.5), Micro(0.99), Micro(0.999), allocated / (double)Predictions, Predictions);
    }
}

/// <summary>One round: examples/s through the channel, and the same examples trained in memory.</summary>
internal sealed record FeedRound(double Channel, double InMemory)
{
    public double Ratio => Channel / InMemory;

    /// <summary>
    /// Process CPU µs per example on each path. Wall-clock rates follow whatever else the machine runs; the CPU a path
    /// spends per example does much less, so its ratio (in memory / channel: above 1 when the channel is cheaper) is
    /// the figure to read beside <see cref="Ratio"/> when the machine was not idle.
    /// </summary>
    public double ChannelCpu { get; init; }

    public double InMemoryCpu { get; init; }

    public double CpuRatio => InMemoryCpu / ChannelCpu;
}

/// <summary><see cref="LiveModel.Predict"/> for one softmax example: latency percentiles (µs) and bytes allocated per call.</summary>
internal sealed record PredictLatency(double P50, double P99, double P999, double BytesPerCall, int Calls);

/// <param name="Passes">Passes over the training rows in each round, on both paths.</param>
internal sealed record EmbeddingResult(IReadOnlyList<FeedRound> Rounds, PredictLatency Predict, int Passes)
{
    public double MedianRatio => Rounds.Select(r => r.Ratio).Order().ElementAt(Rounds.Count / 2);
}
