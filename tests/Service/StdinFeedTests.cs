using System.IO.Pipes;
using System.Text;

namespace HybridSgd.Tests.Service;

/// <summary><c>serve --stdin</c>: CSV rows from a pipe are spooled into chunk files and trained on like inbox files.</summary>
public sealed class StdinFeedTests : IDisposable
{
    private readonly ServiceFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Serve_RowsThroughAPipe_ChunkedSpooledAndEveryRowTrainedOn()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reading = new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle);
        using var stdin = new StreamReader(reading);
        await using var host = await ServiceHost.StartAsync(_files, ["--stdin", "--Service:StdinChunkRows", "150"], stdin);

        // The writer sends the header, then rows in bursts with pauses, as a producer upstream would.
        using (var writer = new StreamWriter(pipe, new UTF8Encoding(false)) { AutoFlush = true })
        {
            await writer.WriteLineAsync(ServiceFiles.Header);
            for (int from = 0; from < 569; from += 100)
            {
                foreach (string row in ServiceFiles.Rows.Skip(from).Take(100))
                {
                    await writer.WriteLineAsync(row);
                }
            }
        }

        // 569 rows: three full chunks of 150 and the rest, closed when the pipe ends (one more if a pause outlasts the
        // settle time and a partial chunk is flushed early).
        await host.WaitUntilAsync(
            () => host.Status() is var s && s.GetProperty("rows").GetInt64() == 569 && s.GetProperty("state").GetString() == "waiting",
            "every piped row is trained on");
        var status = host.Status();
        Assert.InRange(status.GetProperty("filesDone").GetInt64(), 4, 8);
        Assert.True(status.GetProperty("progressiveLoss").GetDouble() > 0);
        await host.WaitUntilAsync(() => Directory.GetFiles(Path.Combine(_files.ModelDirectory, "spool")).Length == 0, "the trained chunks leave the spool");
        Assert.Contains(host.Logs.Lines, l => l.Message.StartsWith("Standard input ended after 569 rows", StringComparison.Ordinal));
    }
}
