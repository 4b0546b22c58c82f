namespace HybridSgd.Tests.Service;

/// <summary>A file that cannot be used goes to failed/ with the reason; the service keeps training on the others.</summary>
public sealed class FailedFileTests : IDisposable
{
    private readonly ServiceFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Serve_BadFileAmongGoodOnes_FailedWithTheLineAndOthersTrained()
    {
        await using var host = await ServiceHost.StartAsync(_files);
        _files.Drop("a-good.csv", ServiceFiles.Csv(0, 100));
        await host.WaitForDoneAsync(1);

        var rows = ServiceFiles.Rows.Skip(100).Take(20).ToList();
        // Line 7 (header, then the sixth row): a word where a number goes.
        rows[5] = string.Join(',', rows[5].Split(',').Select((f, i) => i == 3 ? "twelve" : f));
        _files.Drop("b-bad.csv", ServiceFiles.Header + "\n" + string.Concat(rows.Select(r => r + "\n")));
        _files.Drop("c-short.csv", ServiceFiles.Header + "\n" + "1,2,3\n");
        _files.Drop("d-good.csv", ServiceFiles.Csv(200, 300));

        await host.WaitForDoneAsync(2);
        await host.WaitUntilAsync(() => Directory.Exists(_files.Failed) && Directory.GetFiles(_files.Failed).Length == 4, "two files and their reasons are in failed/");

        string bad = await File.ReadAllTextAsync(Path.Combine(_files.Failed, "b-bad.csv.error.txt"));
        Assert.Contains("line 7", bad, StringComparison.Ordinal);
        Assert.Contains("twelve", bad, StringComparison.Ordinal);
        Assert.Contains("line 2", await File.ReadAllTextAsync(Path.Combine(_files.Failed, "c-short.csv.error.txt")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_files.Failed, "b-bad.csv")));
        Assert.True(File.Exists(Path.Combine(_files.Done, "d-good.csv")));

        var status = host.Status();
        Assert.Equal(200, status.GetProperty("rows").GetInt64());
        Assert.Equal(2, status.GetProperty("filesFailed").GetInt64());
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("Failed b-bad.csv", StringComparison.Ordinal));
    }
}
