using Microsoft.Extensions.Time.Testing;

namespace HybridSgd.Tests.Service;

/// <summary>
/// The inbox rule: a file is read only once complete — renamed to a data name, and unchanged for the settle time.
/// On a fake clock: the tests decide how many polls happen and how much service time passes between writes.
/// </summary>
public sealed class InboxRuleTests : IDisposable
{
    private readonly ServiceFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Serve_TmpNameThenRename_ReadOnlyAfterTheRename()
    {
        await using var host = await ServiceHost.StartAsync(_files, time: new FakeTimeProvider());
        _files.Drop("first.csv", ServiceFiles.Csv(0, 100));
        await host.WaitForDoneAsync(1);

        string partial = Path.Combine(_files.Inbox, "second.csv.tmp");
        await File.WriteAllTextAsync(partial, ServiceFiles.Csv(100, 150));
        await host.PollAsync(20); // 20 polls of 50 ms: five settle times
        Assert.True(File.Exists(partial));
        Assert.Equal(100, host.Status().GetProperty("rows").GetInt64());

        await File.AppendAllTextAsync(partial, string.Concat(ServiceFiles.Rows.Skip(150).Take(50).Select(r => r + "\n")));
        File.Move(partial, Path.Combine(_files.Inbox, "second.csv"));
        await host.WaitForDoneAsync(2);
        Assert.Equal(200, host.Status().GetProperty("rows").GetInt64());
    }

    [Fact]
    public async Task Serve_FileGrowingInPlace_ReadOnlyOnceItSettles()
    {
        await using var host = await ServiceHost.StartAsync(_files, ["--Service:SettleTime", "600ms"], time: new FakeTimeProvider());
        _files.Drop("first.csv", ServiceFiles.Csv(0, 50));
        await host.WaitForDoneAsync(1);

        // A writer that does not rename: the file grows under its final name, a few rows every 150 ms (3 polls).
        string growing = Path.Combine(_files.Inbox, "growing.csv");
        await File.WriteAllTextAsync(growing, ServiceFiles.Header + "\n");
        for (int from = 50; from < 250; from += 20)
        {
            await File.AppendAllTextAsync(growing, string.Concat(ServiceFiles.Rows.Skip(from).Take(20).Select(r => r + "\n")));
            await host.PollAsync(3);
            Assert.Equal(50, host.Status().GetProperty("rows").GetInt64());
        }

        await host.WaitForDoneAsync(2);
        Assert.Equal(250, host.Status().GetProperty("rows").GetInt64());
        Assert.False(Directory.Exists(_files.Failed));
    }

    [Fact]
    public async Task Serve_WriterAppendsAfterAPauseLongerThanTheSettleTime_EveryRowIsLearned_NoneLeavesUnlearned()
    {
        await using var host = await ServiceHost.StartAsync(_files, time: new FakeTimeProvider());

        // A writer that keeps its file open under the final name and pauses mid-way: the first half settles and is
        // trained on before the second half is written through the same handle.
        string path = Path.Combine(_files.Inbox, "appended.csv");
        await using (var writer = new StreamWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)))
        {
            await writer.WriteAsync(ServiceFiles.Header + "\n" + string.Concat(ServiceFiles.Rows.Take(150).Select(r => r + "\n")));
            await writer.FlushAsync();
            await host.WaitUntilAsync(() => host.Status().GetProperty("rows").GetInt64() == 150, "the first half is trained on");

            await writer.WriteAsync(string.Concat(ServiceFiles.Rows.Skip(150).Take(150).Select(r => r + "\n")));
        }

        await host.WaitForDoneAsync(1);
        Assert.Equal(300, host.Status().GetProperty("rows").GetInt64());
        Assert.Equal(300, File.ReadLines(Path.Combine(_files.Done, "appended.csv")).Count() - 1);
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("appended.csv grew after it was accepted", StringComparison.Ordinal)
            || l.Message.Contains("appended.csv changed while it was being trained on", StringComparison.Ordinal));
        Assert.False(Directory.Exists(_files.Failed));
    }
}
