namespace HybridSgd.Tests.Service;

/// <summary>The inbox rule: a file is read only once complete — renamed to a data name, and unchanged for the settle time.</summary>
public sealed class InboxRuleTests : IDisposable
{
    private readonly ServiceFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Serve_TmpNameThenRename_ReadOnlyAfterTheRename()
    {
        await using var host = await ServiceHost.StartAsync(_files);
        _files.Drop("first.csv", ServiceFiles.Csv(0, 100));
        await ServiceHost.WaitForDoneAsync(_files, 1);

        string partial = Path.Combine(_files.Inbox, "second.csv.tmp");
        await File.WriteAllTextAsync(partial, ServiceFiles.Csv(100, 150));
        await Task.Delay(800); // several polls and settle times
        Assert.True(File.Exists(partial));
        Assert.Equal(100, ServiceHost.Status(_files).GetProperty("rows").GetInt64());

        await File.AppendAllTextAsync(partial, string.Concat(ServiceFiles.Rows.Skip(150).Take(50).Select(r => r + "\n")));
        File.Move(partial, Path.Combine(_files.Inbox, "second.csv"));
        await ServiceHost.WaitForDoneAsync(_files, 2);
        Assert.Equal(200, ServiceHost.Status(_files).GetProperty("rows").GetInt64());
    }

    [Fact]
    public async Task Serve_FileGrowingInPlace_ReadOnlyOnceItSettles()
    {
        await using var host = await ServiceHost.StartAsync(_files, ["--Service:SettleTime", "600ms"]);
        _files.Drop("first.csv", ServiceFiles.Csv(0, 50));
        await ServiceHost.WaitForDoneAsync(_files, 1);

        // A writer that does not rename: the file grows under its final name, a few rows every 150 ms.
        string growing = Path.Combine(_files.Inbox, "growing.csv");
        await File.WriteAllTextAsync(growing, ServiceFiles.Header + "\n");
        for (int from = 50; from < 250; from += 20)
        {
            await File.AppendAllTextAsync(growing, string.Concat(ServiceFiles.Rows.Skip(from).Take(20).Select(r => r + "\n")));
            await Task.Delay(150);
            Assert.Equal(50, ServiceHost.Status(_files).GetProperty("rows").GetInt64());
        }

        await ServiceHost.WaitForDoneAsync(_files, 2);
        Assert.Equal(250, ServiceHost.Status(_files).GetProperty("rows").GetInt64());
        Assert.False(Directory.Exists(_files.Failed));
    }
}
