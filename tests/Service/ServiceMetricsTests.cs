using System.Diagnostics.Metrics;
using HybridSgd.Pipeline.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSgd.Tests.Service;

/// <summary>The "HybridSgd" meter of a running service carries the pipeline's instruments and the service's own.</summary>
public sealed class ServiceMetricsTests : IDisposable
{
    private readonly ServiceFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Serve_Meter_InboxCheckpointFilesAndTrainingInstruments()
    {
        await using var host = await ServiceHost.StartAsync(_files, ["--Service:CheckpointInterval", "1ms"]);
        var meterFactory = host.Services.GetRequiredService<IMeterFactory>();
        var measured = new Dictionary<string, double>();
        using var listener = new MeterListener
        {
            // Only this host's meter: other tests' hosts have meters of the same name.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TrainingMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => Add(measured, i.Name, v, i is Counter<long>));
        listener.SetMeasurementEventCallback<int>((i, v, _, _) => Add(measured, i.Name, v, false));
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => Add(measured, i.Name, v, false));
        listener.Start();

        _files.Drop("a.csv", ServiceFiles.Csv(0, 300));
        _files.Drop("b.csv", ServiceFiles.Csv(300, 569));
        await host.WaitForDoneAsync(2);
        _files.Drop("c.csv", ServiceFiles.Header + "\n1,2\n");
        // The inbox gauge counts the files seen at the last scan: wait for the scan after c.csv left, not only its failure.
        await host.WaitUntilAsync(
            () => host.Status() is var status && status.GetProperty("filesFailed").GetInt64() == 1 && status.GetProperty("inboxFiles").GetInt32() == 0,
            "c.csv fails and the inbox is scanned empty");
        listener.RecordObservableInstruments();

        lock (measured)
        {
            Assert.Equal(2, measured["hybridsgd.files.done"]);
            Assert.Equal(1, measured["hybridsgd.files.failed"]);
            Assert.Equal(569, measured["hybridsgd.examples"]);
            Assert.True(measured["hybridsgd.updates"] > 0);
            Assert.Equal(0, measured["hybridsgd.inbox.files"]);
            Assert.InRange(measured["hybridsgd.checkpoint.age"], 0, 30);
            Assert.True(measured.ContainsKey("hybridsgd.threshold"));
            Assert.True(measured["hybridsgd.progressive.loss"] > 0);
        }
    }

    private static void Add(Dictionary<string, double> measured, string name, double value, bool sum)
    {
        lock (measured)
        {
            measured[name] = sum && measured.TryGetValue(name, out double total) ? total + value : value;
        }
    }
}
