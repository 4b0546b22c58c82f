using HybridSgd.Host.Scoring;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Persistence;
using Microsoft.ML;

namespace HybridSgd.Tests.Service;

/// <summary>Files dropped into a running service's inbox are trained on, and the model gets better.</summary>
public sealed class ServeFeedTests : IDisposable
{
    private readonly ServiceFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Serve_FilesDroppedWhileRunning_ModelImprovesAndStaysLoadable()
    {
        // Rows 0-99 are held out; the rest is fed in slices, six passes over it.
        string test = _files.Write("test.csv", ServiceFiles.Csv(0, 100));
        await using var host = await ServiceHost.StartAsync(_files, ["--test-file", test, "--batch-size", "4", "--lr", "1"]);

        _files.Drop("slice-00.csv", ServiceFiles.Csv(100, 200));
        await host.WaitForDoneAsync(1);
        await host.WaitUntilAsync(() => host.Status().TryGetProperty("test", out _), "the test file is scored");
        var early = host.Status();
        double earlyLoss = early.GetProperty("test").GetProperty("logLoss").GetDouble();

        int fed = 100;
        int slices = 1;
        for (int pass = 0; pass < 6; pass++)
        {
            for (int from = 200; from < 569; from += 100, slices++)
            {
                int to = Math.Min(from + 100, 569);
                _files.Drop($"slice-{slices:D2}.csv", ServiceFiles.Csv(from, to));
                fed += to - from;
            }
        }

        await host.WaitForDoneAsync(slices);
        await host.WaitUntilAsync(() => host.Status().GetProperty("testAfterRows").GetInt64() == fed, "the test file is scored on the final weights");
        var late = host.Status();
        Assert.Equal(fed, late.GetProperty("rows").GetInt64());
        Assert.Equal(slices, late.GetProperty("filesDone").GetInt64());
        double lateLoss = late.GetProperty("test").GetProperty("logLoss").GetDouble();
        double lateAccuracy = late.GetProperty("test").GetProperty("accuracy").GetDouble();
        Assert.True(lateLoss < earlyLoss, $"test log-loss {earlyLoss} after one file, {lateLoss} after {slices}");
        Assert.True(lateAccuracy >= 0.85, $"test accuracy {lateAccuracy}"); // 100 test rows; the log-loss assertion above is the sharper one

        // model.hsgd is written with every checkpoint and scores new files like a trained model.
        var saved = SavedModel.Load(_files.ModelDirectory);
        Assert.Equal(LearningTask.Binary, saved.Task);
        var rows = DenseDataset.FromDataView(ScoringData.Load(new MLContext(0), saved, test, requireLabel: true));
        Assert.Equal(100, rows.Count);
        int correct = Enumerable.Range(0, rows.Count).Count(i => saved.Predict(rows.Row(i)).ClassIndex == (int)rows.Labels[i]);
        Assert.True(correct >= 85, $"{correct}/100 right");
        Assert.Empty(Directory.GetFiles(_files.Inbox));
    }
}
